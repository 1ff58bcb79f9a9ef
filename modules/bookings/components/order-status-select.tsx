import { getTranslations } from "next-intl/server";
import { FilterSelect } from "@/components/ui/filter-form";
import { ORDER_STATUSES, type OrderStatusFilter } from "../filter";

/** The order-status filter of the bookings list and the administrator's orders list. */
export async function OrderStatusSelect({
  value,
  label,
  all,
}: {
  value?: OrderStatusFilter;
  label: string;
  all: string;
}) {
  const to = await getTranslations("order");
  return (
    <FilterSelect
      label={label}
      name="status"
      defaultValue={value?.toLowerCase()}
      all={all}
      options={ORDER_STATUSES.map((s) => ({
        value: s.toLowerCase(),
        label: to(`status.${s.toLowerCase() as "paid"}`),
      }))}
    />
  );
}
