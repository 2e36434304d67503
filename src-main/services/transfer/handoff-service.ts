import type { OutputOf, ParsedInputOf } from '../../../src-shared/contract/api';
import { ServiceError } from '../../../src-shared/rpc/result';
import { handoffFileName, renderHandoffHtml, renderHandoffMarkdown } from '../../transfer/handoff';
import type { SystemsService } from '../systems-service';
import type { Workspace } from '../workspace';
import type { ExportStager } from './stage-export';

/** The one-page sheet an admin types into the WFM system's integration form. */
export class HandoffService {
  constructor(
    private readonly ws: Workspace,
    private readonly systems: SystemsService,
    private readonly stage: ExportStager,
    private readonly appVersion: string,
  ) {}

  export({ integrationId, format }: ParsedInputOf<'handoff.export'>): OutputOf<'handoff.export'> {
    const integration = this.ws.integrations.get(integrationId);
    if (!integration)
      throw new ServiceError(
        'NOT_FOUND',
        `There is no integration with id ${integrationId}; it may have been deleted.`,
      );
    const system = this.systems.get(integration.systemId);
    const lastValidation = this.ws.validationHistory.get(integrationId);
    const input = {
      system,
      integration,
      ...(lastValidation ? { lastValidation } : {}),
      generatedAt: new Date(),
      appVersion: this.appVersion,
    };
    const html = format === 'html';
    const text = html ? renderHandoffHtml(input) : renderHandoffMarkdown(input);
    return { ...this.stage(handoffFileName(system, integration, html ? 'html' : 'md'), text), notes: [] };
  }
}
