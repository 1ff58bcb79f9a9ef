import { z } from "zod";
import { PRIVACY_NOTICE_VERSION } from "./privacy-notice";

/**
 * Consent to the privacy notice, as the notice's version the visitor was shown (the
 * sign-up and checkout forms send it with the ticked box). Missing is "please agree";
 * another version means the page is older than the notice, which must be read again.
 */
export const privacyConsentSchema = z
  .string("validation.privacy.consentRequired")
  .min(1, "validation.privacy.consentRequired")
  .refine((version): boolean => version === PRIVACY_NOTICE_VERSION, "validation.privacy.consentOutdated");
