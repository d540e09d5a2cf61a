/** Sign-up and household pages (main package: residents arrive here from a share or the home page). */
export const SIGNUP_ROUTES = {
  consent: '/pages/signup/index',
  claim: '/pages/signup/claim',
  join: '/pages/signup/join',
  household: '/pages/household/index',
} as const;
