import { useQuery } from "@tanstack/react-query";
import { trpc } from "../../trpc";
import { ReplanAlert } from "./ReplanAlert";

/** On the incident page: the re-plan warning of its approved plan, if a road closed on its undeparted trips. */
export function IncidentReplanFlag({ incidentId, mayReplan }: { incidentId: number; mayReplan: boolean }) {
  const versions = useQuery(trpc.dispatch.list.queryOptions({ incidentId }));
  const flagged = versions.data?.find((v) => v.flag !== null);
  if (!flagged?.flag) return null;
  return (
    <ReplanAlert
      flag={flagged.flag}
      incidentId={incidentId}
      mayReplan={mayReplan}
      to={`/incidents/${incidentId}/plan?plan=${flagged.planId}`}
    />
  );
}
