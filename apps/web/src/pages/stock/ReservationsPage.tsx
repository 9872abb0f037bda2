import { SaveOutlined, SearchOutlined, UndoOutlined } from "@ant-design/icons";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { FormFailureAlert, useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { QueryError } from "../../components/QueryError";
import { invalidateStock } from "../../components/stock/invalidate";
import { WarehouseSelect } from "../../components/stock/Pickers";
import { QuantityText } from "../../components/stock/QuantityText";
import { DocumentTypeTag, OwnershipTag } from "../../components/stock/StockTags";
import { type StockRefs, useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { DocumentSummary, Ownership, ReservationView } from "../../lib/api-types";
import { DATE_TIME_FORMAT, formatDateTime } from "../../lib/format";
import { canReserve } from "../../lib/roles";
import { trpc } from "../../trpc";
import { documentWarehouses } from "../documents/DocumentStatus";
import { pickLines } from "./posting/IssueForm";
import { clearLineLots, LinesEditor, type LineValues, optionalText } from "./posting/LinesEditor";
import { PostedAlert, usePosting } from "./posting/usePosting";

interface ReserveValues {
  warehouseId?: number;
  dispatchRef?: string;
  note?: string;
  lines: LineValues[];
}

interface ReleaseValues {
  /** `0`: every warehouse the dispatch holds stock in. */
  scope: number;
  note?: string;
}

const RESERVE_FIELDS = ["warehouseId", "dispatchRef", "note"];
const RELEASE_FIELDS = ["note"] as const;
const ALL_WAREHOUSES = 0;

/** What one dispatch still holds reserved, and which of its warehouses the user may release in. */
interface DispatchGroup {
  dispatchRef: string;
  rows: ReservationView[];
  warehouses: Array<{ id: number; name: string }>;
  releasable: Array<{ id: number; name: string }>;
}

function groupByDispatch(
  rows: readonly ReservationView[],
  mayRelease: (warehouseId: number) => boolean,
): Map<string, DispatchGroup> {
  const groups = new Map<string, DispatchGroup>();
  for (const row of rows) {
    const group = groups.get(row.dispatchRef) ?? {
      dispatchRef: row.dispatchRef,
      rows: [],
      warehouses: [],
      releasable: [],
    };
    group.rows.push(row);
    if (!group.warehouses.some((w) => w.id === row.warehouseId)) {
      const warehouse = { id: row.warehouseId, name: row.warehouseName };
      group.warehouses.push(warehouse);
      if (mayRelease(row.warehouseId)) group.releasable.push(warehouse);
    }
    groups.set(row.dispatchRef, group);
  }
  return groups;
}

/** 预留: set usable stock aside for a dispatch, see what each dispatch still holds, and give it back. */
export function ReservationsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const refs = useStockRefs();
  const [lookup, setLookup] = useState<string | null>(null);
  const [releasing, setReleasing] = useState<DispatchGroup | null>(null);
  const dispatcher = canReserve(user.role);
  const mayReserve = dispatcher && refs.reservable.length > 0;

  const open = useQuery(
    trpc.stock.reservations.queryOptions(lookup ? { dispatchRef: lookup } : {}, { staleTime: 0 }),
  );
  const recent = useQuery(
    trpc.stock.documents.queryOptions({ type: "reserve", pageSize: 20 }, { staleTime: 0 }),
  );
  const byRef = useQuery(
    trpc.stock.documents.queryOptions(lookup ? { dispatchRef: lookup, pageSize: 200 } : skipToken, {
      staleTime: 0,
    }),
  );
  const rows = open.data ?? [];
  const groups = groupByDispatch(rows, (id) => dispatcher && refs.canReserve(id));
  const groupOf = (row: ReservationView) => groups.get(row.dispatchRef) as DispatchGroup;
  /** The dispatch's cells span its rows: shown on its first row, hidden on the others. */
  const spanCell = (row: ReservationView, index: number | undefined) => {
    const previous = index ? rows[index - 1] : undefined;
    return { rowSpan: previous?.dispatchRef === row.dispatchRef ? 0 : groupOf(row).rows.length };
  };

  const reservedColumns: TableColumnsType<ReservationView> = [
    {
      title: t("documents.column.dispatchRef"),
      key: "dispatchRef",
      onCell: spanCell,
      render: (_v, row) => {
        const group = groupOf(row);
        return (
          <Flex vertical align="start" gap={2}>
            <Button
              type="link"
              size="small"
              className="link-inline reservation-ref"
              onClick={() => setLookup(row.dispatchRef)}
              data-testid="reservation-ref"
            >
              {row.dispatchRef}
            </Button>
            <Typography.Text type="secondary" className="cell-code">
              {t("reservations.open.summary", {
                lines: group.rows.length,
                warehouses: group.warehouses.length,
              })}
            </Typography.Text>
          </Flex>
        );
      },
    },
    { title: t("stock.column.warehouse"), dataIndex: "warehouseName", key: "warehouse" },
    { title: t("stock.column.item"), dataIndex: "itemName", key: "item" },
    { title: t("stock.column.lot"), dataIndex: "lotCode", key: "lot" },
    {
      title: t("stock.column.ownership"),
      dataIndex: "ownership",
      key: "ownership",
      render: (o: Ownership) => <OwnershipTag ownership={o} />,
    },
    {
      title: t("stock.column.reserved"),
      dataIndex: "reserved",
      key: "reserved",
      align: "right",
      render: (v: number, row) => (
        <QuantityText value={v} unit={refs.unitOf(row.itemId, row.baseUnit)} strong testId="reserved-qty" />
      ),
    },
    {
      title: t("common.actions"),
      key: "actions",
      onCell: spanCell,
      render: (_v, row) => {
        const group = groupOf(row);
        return (
          <Space size={0} wrap>
            <Link to={`/documents?dispatchRef=${encodeURIComponent(row.dispatchRef)}`}>
              {t("reservations.open.documents")}
            </Link>
            {group.releasable.length > 0 && (
              <Button
                type="link"
                size="small"
                danger
                icon={<UndoOutlined />}
                onClick={() => setReleasing(group)}
                data-testid="reservation-release"
              >
                {t("reservations.release.submit")}
              </Button>
            )}
          </Space>
        );
      },
    },
  ];

  const documentColumns: TableColumnsType<DocumentSummary> = [
    {
      title: t("documents.column.type"),
      dataIndex: "type",
      key: "type",
      render: (type: string) => <DocumentTypeTag type={type} />,
    },
    {
      title: t("documents.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, doc) => <Link to={`/documents/${doc.id}`}>{number}</Link>,
    },
    {
      title: t("documents.column.dispatchRef"),
      dataIndex: "dispatchRef",
      key: "dispatchRef",
      render: (ref: string | null) =>
        ref ? (
          <Button
            type="link"
            size="small"
            className="link-inline"
            onClick={() => setLookup(ref)}
            data-testid="dispatch-ref-link"
          >
            {ref}
          </Button>
        ) : (
          "—"
        ),
    },
    {
      title: t("documents.column.warehouses"),
      key: "warehouses",
      render: (_v, doc) => documentWarehouses(doc),
    },
    {
      title: t("documents.column.postedAt"),
      dataIndex: "postedAt",
      key: "postedAt",
      render: (v: string) => formatDateTime(v, DATE_TIME_FORMAT),
    },
    {
      title: t("documents.column.postedBy"),
      dataIndex: "postedBy",
      key: "postedBy",
      render: (v: string | null) => v ?? t("audit.system"),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={3} className="page-title">
          {t("reservations.title")}
        </Typography.Title>
        <Typography.Text type="secondary">{t("reservations.subtitle")}</Typography.Text>
      </div>
      {mayReserve && (
        <Card title={t("reservations.reserve.title")}>
          <ReserveForm refs={refs} onReserved={setLookup} />
        </Card>
      )}
      <Card
        title={
          lookup ? (
            <Space>
              {t("reservations.open.for", { ref: lookup })}
              <Button type="link" size="small" onClick={() => setLookup(null)} data-testid="reservations-all">
                {t("reservations.open.showAll")}
              </Button>
            </Space>
          ) : (
            t("reservations.open.title")
          )
        }
        extra={
          <Input.Search
            allowClear
            key={lookup ?? ""}
            defaultValue={lookup ?? undefined}
            placeholder={t("reservations.lookup.placeholder")}
            enterButton={<SearchOutlined />}
            onSearch={(v) => setLookup(v.trim() || null)}
            className="filter-wide"
            data-testid="reservations-lookup"
          />
        }
      >
        {open.isError ? (
          <QueryError error={open.error} onRetry={() => open.refetch()} />
        ) : (
          <Table<ReservationView>
            rowKey={(r) => `${r.dispatchRef}-${r.warehouseId}-${r.lotId}-${r.ownership}`}
            size="small"
            columns={reservedColumns}
            dataSource={rows}
            loading={open.isFetching || refs.loading}
            pagination={false}
            scroll={{ x: "max-content" }}
            bordered
            locale={{
              emptyText: lookup
                ? t("reservations.open.noneFor", { ref: lookup })
                : t("reservations.current.none"),
            }}
            data-testid="reservations-current"
            onRow={(row) =>
              ({
                "data-testid": "reservation-row",
                "data-ref": row.dispatchRef,
                "data-lot": row.lotCode,
                "data-warehouse": row.warehouseId,
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        )}
      </Card>
      {lookup && (
        <Card
          title={t("reservations.lookup.for", { ref: lookup })}
          extra={
            <Link to={`/documents?dispatchRef=${encodeURIComponent(lookup)}`}>
              {t("reservations.lookup.all")}
            </Link>
          }
        >
          {byRef.isError ? (
            <QueryError error={byRef.error} onRetry={() => byRef.refetch()} />
          ) : (
            <Table<DocumentSummary>
              rowKey="id"
              size="small"
              columns={documentColumns}
              dataSource={byRef.data?.rows ?? []}
              loading={byRef.isFetching}
              pagination={false}
              data-testid="reservations-documents"
            />
          )}
        </Card>
      )}
      <Card title={t("reservations.recent.title")}>
        <Table<DocumentSummary>
          rowKey="id"
          size="small"
          columns={documentColumns}
          dataSource={recent.data?.rows ?? []}
          loading={recent.isFetching}
          pagination={false}
          data-testid="reservations-recent"
        />
      </Card>
      {releasing && <ReleaseModal group={releasing} onClose={() => setReleasing(null)} />}
    </Flex>
  );
}

function ReserveForm({ refs, onReserved }: { refs: StockRefs; onReserved: (ref: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReserveValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, RESERVE_FIELDS);
  const reserve = useMutation(trpc.stock.reserve.mutationOptions());
  const warehouseId = Form.useWatch("warehouseId", form);

  const submit = (values: ReserveValues) => {
    start();
    const dispatchRef = values.dispatchRef?.trim() ?? "";
    reserve.mutate(
      {
        warehouseId: values.warehouseId ?? 0,
        dispatchRef,
        note: optionalText(values.note),
        lines: pickLines(values.lines, refs),
      },
      {
        onSuccess(document) {
          succeed([document]);
          onReserved(dispatchRef);
          form.setFieldsValue({ lines: [{}], note: undefined });
        },
        onError: fail,
      },
    );
  };

  return (
    <Form<ReserveValues>
      form={form}
      name="reserve"
      layout="vertical"
      onFinish={submit}
      onValuesChange={(changed) => {
        if ("warehouseId" in changed) clearLineLots(form);
      }}
      initialValues={{
        warehouseId: refs.reservable.length === 1 ? refs.reservable[0]?.id : undefined,
        lines: [{}],
      }}
      data-testid="reserve-form"
    >
      <PostedAlert posted={posted} onClose={() => start()} />
      <FormFailureAlert failure={failure} always />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="warehouseId"
            label={t("stock.column.warehouse")}
            rules={[{ required: true, message: t("posting.warehouseRequired") }]}
          >
            <WarehouseSelect warehouses={refs.reservable} data-testid="reserve-warehouse" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="dispatchRef"
            label={t("posting.dispatchRef")}
            rules={[{ required: true, whitespace: true, message: t("reservations.dispatchRefRequired") }]}
          >
            <Input maxLength={60} data-testid="reserve-dispatch-ref" />
          </Form.Item>
        </Col>
      </Row>
      <LinesEditor mode="pick" refs={refs} warehouseId={warehouseId} />
      <Form.Item name="note" label={t("posting.note")} className="posting-note">
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={reserve.isPending}
        data-testid="reserve-submit"
      >
        {t("reservations.reserve.submit")}
      </Button>
    </Form>
  );
}

/**
 * 释放预留 of one dispatch: everything it still holds, in every warehouse or in one. A user who may release
 * in only some of its warehouses releases warehouse by warehouse.
 */
function ReleaseModal({ group, onClose }: { group: DispatchGroup; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReleaseValues>();
  const { failure, fail, clear } = useFormFailure(form, RELEASE_FIELDS);
  const everywhere = group.releasable.length === group.warehouses.length;
  const scopes = [
    ...(everywhere && group.warehouses.length > 1
      ? [{ value: ALL_WAREHOUSES, label: t("reservations.release.everywhere") }]
      : []),
    ...group.releasable.map((w) => ({ value: w.id, label: w.name })),
  ];
  const release = useMutation(
    trpc.stock.release.mutationOptions({
      onSuccess: (documents) => {
        void invalidateStock();
        message.success(
          t("reservations.release.done", {
            ref: group.dispatchRef,
            numbers: documents.map((d) => d.number).join("、"),
          }),
        );
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    release.mutate({
      dispatchRef: group.dispatchRef,
      // The server releases in every warehouse when none is named.
      ...(values.scope !== ALL_WAREHOUSES && { warehouseId: values.scope }),
      note: optionalText(values.note),
    });
  };

  return (
    <FormModal
      title={t("reservations.release.title", { ref: group.dispatchRef })}
      okText={t("reservations.release.submit")}
      danger
      okTestId="release-ok"
      pending={release.isPending}
      onOk={submit}
      onClose={onClose}
      failure={failure}
    >
      <Alert className="form-alert" type="info" showIcon title={t("reservations.release.hint")} />
      {!everywhere && (
        <Alert
          className="form-alert"
          type="warning"
          showIcon
          title={t("reservations.release.partial", {
            warehouses: group.warehouses
              .filter((w) => !group.releasable.some((r) => r.id === w.id))
              .map((w) => w.name)
              .join("、"),
          })}
        />
      )}
      <Form<ReleaseValues>
        form={form}
        layout="vertical"
        name="release"
        initialValues={{ scope: scopes[0]?.value ?? ALL_WAREHOUSES }}
      >
        <Form.Item name="scope" label={t("stock.column.warehouse")} rules={[{ required: true }]}>
          <Select<number> options={scopes} disabled={scopes.length < 2} data-testid="release-scope" />
        </Form.Item>
        <Form.Item name="note" label={t("posting.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} data-testid="release-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
