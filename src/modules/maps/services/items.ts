/** The items use cases: the tenant's list, and adding one (audited, announced on the live stream). */
import { emitEvent, invalid, newId, recordAudit, type TenantScope } from '../../../platform/sdk/index.ts';
import { type ItemRow, insertItem, listItems } from '../repo.ts';
import type { ItemInputType, ItemsType, ItemType } from '../schemas.ts';
import { cleanTitle } from './title.ts';

function itemView(row: ItemRow): ItemType {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    createdAt: row.created_at.toISOString(),
  };
}

/** The tenant's latest hundred items. */
export async function itemsView(scope: TenantScope): Promise<ItemsType> {
  return { items: (await listItems(scope, 100)).map(itemView) };
}

/** Adds an item; a title of blanks is refused on its field, and nothing is written. */
export async function createItem(scope: TenantScope, input: ItemInputType): Promise<ItemType> {
  const title = cleanTitle(input.title);
  if (!title) throw invalid({ path: '/body/title', code: 'minLength', params: { limit: 2 } });
  const row = await insertItem(scope, { id: newId(), title, description: input.description?.trim() || null });
  const view = itemView(row);
  await recordAudit(scope, {
    action: 'maps.item.create',
    entityType: 'maps.item',
    entityId: row.id,
    after: view,
  });
  await emitEvent(scope, { type: 'maps.item.created', entityType: 'maps.item', entityId: row.id });
  return view;
}
