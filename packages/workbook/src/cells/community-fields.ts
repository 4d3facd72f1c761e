// The estate's fields as the application form (申报表) lists them: the self-check workbook's 小区信息 sheet
// and the forms both lay them out, so they live here, below both jobs.

/** A field of the estate, as on the application form (申报表). */
export interface CommunityField {
  readonly key: string;
  readonly label: string;
  readonly en: string;
  /** Always text (a number typed in is read as text), e.g. the name. */
  readonly text: boolean;
}

/** The application form's fields, in the form's order. They are kept in the assessment's `community`. */
export const communityFields: readonly CommunityField[] = [
  { key: 'name', label: '小区名称', en: 'Estate name', text: true },
  { key: 'district', label: '所在县（市、区）', en: 'District', text: true },
  { key: 'address', label: '详细地址', en: 'Address', text: true },
  { key: 'housingType', label: '房源类型', en: 'Housing type', text: true },
  { key: 'operator', label: '运营管理单位', en: 'Operator', text: true },
  { key: 'contact', label: '联系人及电话', en: 'Contact and phone', text: true },
  { key: 'yearBuilt', label: '建成年份', en: 'Year built', text: false },
  { key: 'yearOccupied', label: '入住年份', en: 'Year occupied', text: false },
  { key: 'units', label: '总套数', en: 'Housing units', text: false },
  { key: 'rentalHouseholds', label: '租赁户数', en: 'Rental households', text: false },
  { key: 'occupancyRate', label: '入住率', en: 'Occupancy rate', text: false },
];
