import { ApiError, apiErrorResponse } from "@/lib/api/errors";
import { shanghaiDateTimeText } from "@/lib/dates";
import { apiLocale } from "@/lib/i18n/api";
import { exportAccountData } from "@/modules/account/export-account-data";
import { withRoute } from "@/modules/auth/route-guard";

// "Download my data": everything kept about the signed-in account, as a JSON file.
export const GET = withRoute("account.view", async (request, _ctx, currentUser) => {
  const user = await currentUser();
  const data = user ? await exportAccountData(user.id) : null;
  if (!data) return apiErrorResponse(new ApiError("unauthorized", "errors.signInRequired"), apiLocale(request));
  const day = shanghaiDateTimeText(new Date()).slice(0, 10);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="suoqian-account-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
