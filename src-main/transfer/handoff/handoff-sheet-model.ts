/**
 * The hand-off sheet as data, built once and drawn by the HTML and the Markdown renderer, so both
 * always say the same thing. Every text here is plain (not yet escaped).
 */

export interface SheetField {
  label: string;
  value: string;
  /** A value typed as-is into the WFM form: shown in monospace and never reworded. */
  literal: boolean;
}

export interface SheetNote {
  /** warning: something to act on before handing over; info: context. */
  tone: 'warning' | 'info';
  text: string;
}

export interface SheetSection {
  title: string;
  fields: SheetField[];
  notes: SheetNote[];
}

export interface ContractColumn {
  name: string;
  type: string;
  required: boolean;
  meaning: string;
}

export interface RuleCount {
  rule: string;
  title: string;
  severity: string;
  count: number;
}

export type ValidationBlock =
  | { state: 'missing'; note: SheetNote }
  | { state: 'recorded'; fields: SheetField[]; notes: SheetNote[]; ruleCounts: RuleCount[] };

export interface HandoffSheet {
  title: string;
  systemName: string;
  intro: string;
  connection: SheetSection;
  importSettings: SheetSection;
  columnsTitle: string;
  columns: ContractColumn[];
  sql: string;
  validation: ValidationBlock;
  reminders: string[];
  /** "ACD Link Studio v0.1.0", for the footer and the HTML generator tag. */
  generator: string;
  footer: string;
}

export const field = (label: string, value: string, literal = false): SheetField => ({ label, value, literal });
export const warning = (text: string): SheetNote => ({ tone: 'warning', text });
export const info = (text: string): SheetNote => ({ tone: 'info', text });
