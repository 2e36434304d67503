import type { ParsedInputOf } from '../../src-shared/contract/api';
import type { Integration } from '../../src-shared/contract/model';
import { ServiceError } from '../../src-shared/rpc/result';
import type { IntegrationValues } from '../store/integrations-repository';
import type { SystemsService } from './systems-service';
import { conflictOnDuplicate } from './unique-name';
import type { Workspace } from './workspace';

export class IntegrationsService {
  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly changed: (reason: string) => void,
  ) {}

  create(input: ParsedInputOf<'integrations.create'>): Integration {
    const { systemId, ...values } = input;
    const system = this.systems.require(systemId);
    const id = conflictOnDuplicate(
      () =>
        this.ws.db
          .transaction(() => {
            this.assertNameFree(systemId, system.name, values.name);
            return this.ws.integrations.insert(systemId, values);
          })
          .immediate(),
      () => duplicateMessage(system.name, values.name),
    );
    this.changed('integrations.create');
    return this.require(id);
  }

  update({ id, patch }: ParsedInputOf<'integrations.update'>): Integration {
    const current = this.require(id);
    const systemName = this.systems.require(current.systemId).name;
    const { id: _id, systemId: _systemId, ...currentValues } = current;
    const next: IntegrationValues = { ...currentValues, ...definedOnly(patch) };
    conflictOnDuplicate(
      () =>
        this.ws.db
          .transaction(() => {
            if (patch.name !== undefined) this.assertNameFree(current.systemId, systemName, patch.name, id);
            this.ws.integrations.update(id, next);
          })
          .immediate(),
      () => duplicateMessage(systemName, next.name),
    );
    this.changed('integrations.update');
    return this.require(id);
  }

  delete(id: number): Record<string, never> {
    this.require(id);
    this.ws.integrations.delete(id);
    this.changed('integrations.delete');
    return {};
  }

  require(id: number): Integration {
    const row = this.ws.integrations.get(id);
    if (!row) throw new ServiceError('NOT_FOUND', `There is no integration with id ${id}; it may have been deleted.`);
    return row;
  }

  private assertNameFree(systemId: number, systemName: string, name: string, exceptId?: number): void {
    const existing = this.ws.integrations.findByName(systemId, name);
    if (existing && existing.id !== exceptId) {
      const message = duplicateMessage(systemName, existing.name);
      throw new ServiceError('CONFLICT', message, [{ path: 'name', message }]);
    }
  }
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

const duplicateMessage = (systemName: string, name: string) =>
  `"${systemName}" already has an integration named "${name}". Choose another name.`;
