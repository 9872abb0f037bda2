import { skipToken, useQuery } from "@tanstack/react-query";
import { Alert, Button, type FormInstance } from "antd";
import { useEffect, useRef } from "react";
import { Link, useSearchParams } from "react-router";
import { useI18n } from "../../../i18n";
import { errorInfo } from "../../../lib/errors";
import { queryClient, trpc } from "../../../trpc";
import type { LineValues } from "./lines";

const PARAM = "draftId";

/**
 * The draft list (调拨草稿 of the layout page) opens the transfer form with `?type=transfer&draftId=…`: the form
 * starts from the draft's warehouses and lines (base units), which the clerk may lower, remove or give lots
 * before posting. While the address names the draft every transfer of the form carries its id: the server marks
 * the draft posted with it, or refuses when the draft was posted or discarded meanwhile (so the same moves are
 * never sent twice by mistake). `open` is the draft while it can still be posted.
 */
export function useDraftFromAddress(form: FormInstance) {
  const [params, setParams] = useSearchParams();
  const draftId = Number(params.get(PARAM)) || undefined;
  const draft = useQuery(trpc.layout.draft.queryOptions(draftId ? { draftId } : skipToken, { staleTime: 0 }));
  const open = draft.data?.status === "draft" ? draft.data : undefined;
  const loaded = useRef<number | null>(null);
  useEffect(() => {
    if (!open || loaded.current === open.id) return;
    loaded.current = open.id;
    form.setFieldsValue({
      source: "manual",
      fromWarehouseId: open.fromWarehouseId,
      toWarehouseId: open.toWarehouseId,
      lines: open.lines.map(
        (l): LineValues => ({ itemId: l.itemId, quantity: l.quantity, unit: l.baseUnit }),
      ),
    });
  }, [form, open]);
  /** Back to an ordinary transfer: the address no longer names the draft. */
  const leave = () =>
    setParams(
      (current) => {
        current.delete(PARAM);
        return current;
      },
      { replace: true },
    );
  /** After a refusal the draft may have been posted or discarded meanwhile: read it again. */
  const refresh = () => {
    if (draftId) void queryClient.invalidateQueries(trpc.layout.draft.queryFilter({ draftId }));
  };
  return { draftId, draft, open, leave, refresh };
}

/** Which draft the form carries out, or why it cannot; 不按草稿调拨 goes back to an ordinary transfer. */
export function DraftAlert({
  fromDraft,
  onLeave,
}: {
  fromDraft: ReturnType<typeof useDraftFromAddress>;
  onLeave: () => void;
}) {
  const { t, tm } = useI18n();
  const { draftId, draft, open } = fromDraft;
  if (!draftId) return null;
  const leave = (
    <Button size="small" onClick={onLeave} data-testid="transfer-draft-leave">
      {t("layout.drafts.formLeave")}
    </Button>
  );
  if (draft.isError)
    return (
      <Alert
        className="form-alert"
        type="error"
        showIcon
        title={errorInfo(draft.error, t("errors.network"), tm).message}
        action={leave}
        data-testid="transfer-draft"
      />
    );
  if (!draft.data) return null;
  if (!open)
    return (
      <Alert
        className="form-alert"
        type="warning"
        showIcon
        title={t("layout.drafts.formClosed", {
          id: draft.data.id,
          status: t(`layout.draftStatus.${draft.data.status}`),
        })}
        description={<Link to="/layout?tab=drafts">{t("layout.drafts.formBack")}</Link>}
        action={leave}
        data-testid="transfer-draft"
      />
    );
  return (
    <Alert
      className="form-alert"
      type="info"
      showIcon
      title={t("layout.drafts.formTitle", { id: open.id, from: open.fromWarehouse, to: open.toWarehouse })}
      description={t("layout.drafts.formHint")}
      action={leave}
      data-testid="transfer-draft"
    />
  );
}
