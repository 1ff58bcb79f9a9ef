import { challengeResponse } from "@/modules/auth/phone-code-api";
import { withRoute } from "@/modules/auth/route-guard";

// Public: a proof-of-work challenge to solve before asking for an SMS code.
export const GET = withRoute("public", () => challengeResponse());
