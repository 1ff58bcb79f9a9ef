import { getTranslations } from "next-intl/server";
import { PageTitle } from "@/components/ui/page-title";
import { Pager } from "@/components/ui/pager";
import { enterLocale } from "@/lib/i18n/page";
import { requirePagePermission } from "@/modules/auth/session";
import { UsersFilters, UsersTable } from "@/modules/users/components/users-list";
import { parseUsersFilter, usersQuery } from "@/modules/users/filter";
import { searchUsers } from "@/modules/users/queries";

// Every account: search, filter, change a role, disable or enable (not one's own).
export default async function AdminUsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  await enterLocale(params);
  const me = await requirePagePermission("users.manage", "/admin/users");
  const t = await getTranslations("adminUsers");
  const filter = parseUsersFilter(await searchParams);
  const result = await searchUsers(filter);
  return (
    <>
      <PageTitle>{t("title")}</PageTitle>
      <UsersFilters filter={filter} />
      <p className="text-sm" data-testid="users-count">
        {t("found", { count: result.total })}
      </p>
      <UsersTable users={result.users} me={me} />
      <Pager
        label={t("pages")}
        page={filter.page}
        pages={result.pages}
        href={(page) => `/admin/users${usersQuery(filter, page)}`}
        previous={t("previous")}
        next={t("next")}
        status={t("page", { page: filter.page, pages: result.pages })}
      />
    </>
  );
}
