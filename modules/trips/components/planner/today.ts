import { shanghaiDateKey } from "@/lib/dates";

/** Today's date in Suoqian, "YYYY-MM-DD". */
export const todayInSuoqian = () => shanghaiDateKey(new Date());
