import { Descriptions } from "antd";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n";
import type { AgreementLineView } from "../../lib/api-types";
import { formatDistrictDateTime } from "../../lib/format";
import { lineSubject } from "./lines";

type DescribedCalloff = Pick<AgreementLineView, "itemName" | "vehicleType"> & { requiredBy: string | null };

/**
 * The call-off being answered, above the answer's form: what, how much and by when. The quantity is given
 * rendered, since the bureau's dialog shows trucks and production per day where the portal shows units.
 */
export function CalloffDescriptions({
  calloff,
  quantity,
}: {
  calloff: DescribedCalloff;
  quantity: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      className="modal-descriptions"
      items={[
        { key: "subject", label: t("calloffs.column.subject"), children: lineSubject(calloff, t) },
        { key: "quantity", label: t("calloffs.column.quantity"), children: quantity },
        {
          key: "requiredBy",
          label: t("calloffs.column.requiredBy"),
          children: formatDistrictDateTime(calloff.requiredBy),
        },
      ]}
    />
  );
}
