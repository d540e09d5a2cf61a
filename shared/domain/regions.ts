/** Region hierarchy: city → district (区) → street/town (街镇) → committee (居村委). */
export interface DistrictDoc {
  _id: string;
  code: string;
  name: string;
}

export interface StreetDoc {
  _id: string;
  code: string;
  name: string;
  districtId: string;
}

export interface CommitteeDoc {
  _id: string;
  /** 12-digit statistical division code */
  code: string;
  name: string;
  /** 居委会 (urban) or 村委会 (rural) */
  kind: 'urban' | 'rural';
  streetId: string;
  districtId: string;
}
