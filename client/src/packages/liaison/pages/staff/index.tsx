/**
 * 人员管理 (liaison subpackage): district liaisons and city admins manage the staff directory;
 * street liaisons and committee secretaries (from the 工作台) read the part `admin.listStaff`
 * scopes for them. Whether the management actions appear follows the server's `grantableRoles`.
 */
import type { Role } from '@shared/contracts/auth';
import { RoleGate } from '../../../../components/RoleGate';
import { Screen } from '../../../../components/Screen';
import { StaffDirectory } from '../../../../components/admin/StaffDirectory';
import { LIAISON_ROLES } from '../../../../lib/roles';
import '../../../../components/staff/staff.css';
import '../../../../components/liaison/liaison.css';

const DIRECTORY_ROLES: readonly Role[] = [...LIAISON_ROLES, 'secretary'];

export default function StaffDirectoryPage() {
  return (
    <Screen>
      <RoleGate allow={DIRECTORY_ROLES} area='人员管理' audience='区联络员、市级管理员（街镇联络员和居委会书记可查看名单）'>
        {(me) => <StaffDirectory me={me} />}
      </RoleGate>
    </Screen>
  );
}
