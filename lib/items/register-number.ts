/** 立项号: an item's yearly registration number as the office writes it. Pure. */

export const ITEMS_REGISTER_TITLE = (year: number) => `${year}年督办事项`;

/** 督〔2022〕第12号 */
export function itemNumberLabel(year: number, seq: number): string {
  return `督〔${year}〕第${seq}号`;
}
