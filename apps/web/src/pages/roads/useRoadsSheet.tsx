import type { ReactNode } from "react";
import { useSheetTransfer } from "../../components/useSheetTransfer";
import { useI18n } from "../../i18n";
import { queryClient, trpc } from "../../trpc";

/** The road network workbook: export it (roads, nodes), edit it, import it back (codes match; new codes add). */
export function useRoadsSheet(canImport: boolean): { buttons: ReactNode; outcome: ReactNode } {
  const { t } = useI18n();
  return useSheetTransfer({
    testId: "roads",
    canImport,
    exportFile: () =>
      queryClient.fetchQuery({ ...trpc.roads.exportSheet.queryOptions(), staleTime: 0, gcTime: 0 }),
    importOptions: trpc.roads.importSheet.mutationOptions(),
    invalidate: () => void queryClient.invalidateQueries(trpc.roads.pathFilter()),
    done: (r) => t("roads.import.done", r),
  });
}
