/** mappings:* — the column mappings kept as templates for next month's files. */
import { deleteColumnMapping, listColumnMappings, saveColumnMapping } from '../store/column-mappings.js';
import { toColumnMapping } from './column-mapping-input.js';
import type { Handler } from './service-context.js';

/**
 * A template is keyed by its header signature (the normalised header cells joined by |), so
 * its headers and field keys come back normalised, not as first typed.
 */
export const listMappings: Handler<'mappings:list'> = async (_input, ctx) =>
  listColumnMappings(ctx.store).map((m) => ({ signature: m.signature, headers: m.signature.split('|'), fields: { ...m.columns } }));

export const saveMapping: Handler<'mappings:save'> = async (input, ctx) => {
  const mapping = toColumnMapping(input.mapping);
  saveColumnMapping(ctx.store, mapping);
  ctx.emit({ event: 'data:changed', payload: { what: 'mappings' } });
  return { signature: mapping.signature };
};

export const deleteMapping: Handler<'mappings:delete'> = async (input, ctx) => {
  const deleted = deleteColumnMapping(ctx.store, input.signature);
  if (deleted) ctx.emit({ event: 'data:changed', payload: { what: 'mappings' } });
  return { deleted };
};
