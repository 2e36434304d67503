import type { ParsedInputOf } from '../../src-shared/contract/api';
import type { ExternalSystem } from '../../src-shared/contract/model';
import { ServiceError } from '../../src-shared/rpc/result';
import { systemPasswordKey } from '../secrets/secret-store';
import type { SystemRow, SystemValues } from '../store/systems-repository';
import { conflictOnDuplicate } from './unique-name';
import type { Workspace } from './workspace';

export class SystemsService {
  constructor(
    private readonly ws: Workspace,
    private readonly changed: (reason: string) => void,
  ) {}

  get(id: number): ExternalSystem {
    return this.present(this.require(id));
  }

  present(row: SystemRow): ExternalSystem {
    return { ...row, passwordSet: this.ws.secrets.has(systemPasswordKey(row.id)) };
  }

  create(draft: ParsedInputOf<'systems.create'>): ExternalSystem {
    const id = conflictOnDuplicate(
      () =>
        this.ws.db
          .transaction(() => {
            this.assertNameFree(draft.name);
            const newId = this.ws.systems.insert(draft);
            if (draft.password) this.ws.secrets.write(systemPasswordKey(newId), draft.password);
            return newId;
          })
          .immediate(),
      () => duplicateMessage(draft.name),
    );
    this.changed('systems.create');
    return this.get(id);
  }

  update({ id, patch }: ParsedInputOf<'systems.update'>): ExternalSystem {
    const current = this.require(id);
    const next: SystemValues = {
      name: patch.name ?? current.name,
      vendor: patch.vendor ?? current.vendor,
      timeZone: patch.timeZone ?? current.timeZone,
      connection: patch.connection ?? current.connection,
    };
    conflictOnDuplicate(
      () =>
        this.ws.db
          .transaction(() => {
            if (patch.name !== undefined) this.assertNameFree(patch.name, id);
            this.ws.systems.update(id, next);
            if (patch.password === '') this.ws.secrets.delete(systemPasswordKey(id));
            else if (patch.password !== undefined) this.ws.secrets.write(systemPasswordKey(id), patch.password);
          })
          .immediate(),
      () => duplicateMessage(next.name),
    );
    this.changed('systems.update');
    return this.get(id);
  }

  delete(id: number): { deletedIntegrations: number } {
    this.require(id);
    const deletedIntegrations = this.ws.db.transaction(() => {
      const count = this.ws.integrations.countForSystem(id);
      this.ws.systems.delete(id); // integrations go with it (ON DELETE CASCADE)
      this.ws.secrets.deleteByPrefix(`system:${id}:`);
      return count;
    })();
    this.changed('systems.delete');
    return { deletedIntegrations };
  }

  require(id: number): SystemRow {
    const row = this.ws.systems.get(id);
    if (!row)
      throw new ServiceError('NOT_FOUND', `There is no external system with id ${id}; it may have been deleted.`);
    return row;
  }

  private assertNameFree(name: string, exceptId?: number): void {
    const existing = this.ws.systems.findByName(name);
    if (existing && existing.id !== exceptId) {
      const message = duplicateMessage(existing.name);
      throw new ServiceError('CONFLICT', message, [{ path: 'name', message }]);
    }
  }
}

const duplicateMessage = (name: string) => `An external system named "${name}" already exists. Choose another name.`;
