import { withRoute } from "@/modules/auth/route-guard";
import { heldSessions } from "@/modules/inventory/queries";

// The signed-in buyer's coming sessions with a paid ticket (the basket offers them for gate pickup).
export const GET = withRoute("account.view", async (_request, _ctx, currentUser) => {
  const user = await currentUser();
  const sessions = user ? await heldSessions(user.id) : [];
  return Response.json({ sessions }, { headers: { "Cache-Control": "private, no-store" } });
});
