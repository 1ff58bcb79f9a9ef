// The privacy notice's version: the day /privacy last changed what it says. Consents
// (at sign-up on the account, at checkout on the order) record it; bump it with every
// change of the notice, so a consent always names the text that was agreed to.
export const PRIVACY_NOTICE_VERSION = "2026-12-03";
