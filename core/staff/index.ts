// Staff accounts of the triage console: creation with a one-time set-password link, sign-in with lockout,
// database sessions, CSRF tokens. Error codes `staff.<name>` (staff-error.ts).
export { STAFF_POLICY, STAFF_ROLES, type StaffRoleName } from "./staff-policy";
export { STAFF_ERRORS, type StaffErrorName } from "./staff-error";
export { createStaff, issueStaffPasswordLink, type CreateStaffOptions, type CreatedStaff } from "./create-staff";
export { setStaffPassword, checkStaffPasswordLink, assertStaffPasswordPolicy } from "./set-staff-password";
export {
  signInStaff,
  getStaffSession,
  signOutStaff,
  staffCsrfToken,
  checkStaffCsrfToken,
  type StaffMember,
  type StaffSignedIn,
} from "./staff-session";
