import type { Me } from '../../hooks/useMe';

/** Exclusions and assessor entries are district matters (the server enforces the same). */
export const mayAssess = (me: Me) => me.roles.includes('district_liaison') || me.roles.includes('city_admin');
