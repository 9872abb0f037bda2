import { SaveOutlined, SearchOutlined, UndoOutlined } from "@ant-design/icons";
import { skipToken, useMutation, useQuery } from "@tanstack/react-query";
import {
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { useCurrentUser } from "../../auth/current-user";
import { FormFailureAlert } from "../../components/FormFailure";
import { QueryError } from "../../components/QueryError";
import { WarehouseSelect } from "../../components/stock/Pickers";
import { QuantityText } from "../../components/stock/QuantityText";
import { DocumentTypeTag, OwnershipTag } from "../../components/stock/StockTags";
import { type StockRefs, useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { BalanceRow, DocumentSummary, Ownership } from "../../lib/api-types";
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
  dispatchRef?: string;
  warehouseId?: number;
  note?: string;
}

const RESERVE_FIELDS = ["warehouseId", "dispatchRef", "note"];
const RELEASE_FIELDS = ["dispatchRef", "warehouseId", "note"];

/** 预留: set usable stock aside for a dispatch, give it back, and see what is reserved and for which dispatch. */
export function ReservationsPage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const refs = useStockRefs();
  const [lookup, setLookup] = useState<string | null>(null);
  const mayReserve = canReserve(user.role) && refs.reservable.length > 0;

  const reserved = useQuery(trpc.stock.balances.queryOptions({}, { staleTime: 0 }));
  const recent = useQuery(
    trpc.stock.documents.queryOptions({ type: "reserve", pageSize: 20 }, { staleTime: 0 }),
  );
  const byRef = useQuery(
    trpc.stock.documents.queryOptions(lookup ? { dispatchRef: lookup, pageSize: 200 } : skipToken, {
      staleTime: 0,
    }),
  );
  const reservedRows = (reserved.data ?? []).filter((r) => r.reserved > 0);

  const reservedColumns: TableColumnsType<BalanceRow> = [
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
      title: t("stock.column.available"),
      dataIndex: "available",
      key: "available",
      align: "right",
      render: (v: number, row) => <QuantityText value={v} unit={refs.unitOf(row.itemId, row.baseUnit)} />,
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
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Card title={t("reservations.reserve.title")} className="stat-card">
              <ReserveForm refs={refs} onReserved={setLookup} />
            </Card>
          </Col>
          <Col xs={24} xl={9}>
            <Card title={t("reservations.release.title")} className="stat-card">
              <ReleaseForm refs={refs} defaultRef={lookup} onReleased={setLookup} />
            </Card>
          </Col>
        </Row>
      )}
      <Card
        title={t("reservations.lookup.title")}
        extra={
          <Input.Search
            allowClear
            placeholder={t("reservations.lookup.placeholder")}
            enterButton={<SearchOutlined />}
            onSearch={(v) => setLookup(v.trim() || null)}
            className="filter-wide"
            data-testid="reservations-lookup"
          />
        }
      >
        {!lookup ? (
          <Typography.Text type="secondary">{t("reservations.lookup.hint")}</Typography.Text>
        ) : byRef.isError ? (
          <QueryError error={byRef.error} onRetry={() => byRef.refetch()} />
        ) : (
          <Flex vertical gap={8}>
            <Space>
              <Typography.Text strong>{t("reservations.lookup.for", { ref: lookup })}</Typography.Text>
              <Link to={`/documents?dispatchRef=${encodeURIComponent(lookup)}`}>
                {t("reservations.lookup.all")}
              </Link>
            </Space>
            <Table<DocumentSummary>
              rowKey="id"
              size="small"
              columns={documentColumns}
              dataSource={byRef.data?.rows ?? []}
              loading={byRef.isFetching}
              pagination={false}
              data-testid="reservations-documents"
            />
          </Flex>
        )}
      </Card>
      <Card title={t("reservations.current.title")}>
        {reserved.isError ? (
          <QueryError error={reserved.error} onRetry={() => reserved.refetch()} />
        ) : (
          <Table<BalanceRow>
            rowKey={(r) => `${r.warehouseId}-${r.itemId}-${r.lotId}-${r.ownership}`}
            size="small"
            columns={reservedColumns}
            dataSource={reservedRows}
            loading={reserved.isFetching}
            pagination={false}
            locale={{ emptyText: t("reservations.current.none") }}
            data-testid="reservations-current"
          />
        )}
      </Card>
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
    </Flex>
  );
}

function ReserveForm({ refs, onReserved }: { refs: StockRefs; onReserved: (ref: string) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReserveValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, RESERVE_FIELDS);
  const reserve = useMutation(trpc.stock.reserve.mutationOptions());
  const warehouseId = Form.useWatch("warehouseId", form);
  const balances = useQuery(trpc.stock.balances.queryOptions(warehouseId ? { warehouseId } : skipToken));

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
      <LinesEditor mode="pick" refs={refs} balances={balances.data ?? []} />
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

function ReleaseForm({
  refs,
  defaultRef,
  onReleased,
}: {
  refs: StockRefs;
  defaultRef: string | null;
  onReleased: (ref: string) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<ReleaseValues>();
  const { failure, fail, posted, succeed, start } = usePosting(form, RELEASE_FIELDS);
  const release = useMutation(trpc.stock.release.mutationOptions());

  const submit = async () => {
    const values = await form.validateFields();
    start();
    const dispatchRef = values.dispatchRef?.trim() ?? "";
    release.mutate(
      { dispatchRef, warehouseId: values.warehouseId, note: optionalText(values.note) },
      {
        onSuccess(documents) {
          succeed(documents);
          onReleased(dispatchRef);
        },
        onError: fail,
      },
    );
  };

  return (
    <Form<ReleaseValues> form={form} name="release" layout="vertical" data-testid="release-form">
      <PostedAlert posted={posted} onClose={() => start()} />
      <FormFailureAlert failure={failure} always />
      <Form.Item
        name="dispatchRef"
        label={t("posting.dispatchRef")}
        rules={[{ required: true, whitespace: true, message: t("reservations.dispatchRefRequired") }]}
      >
        <Input
          maxLength={60}
          placeholder={defaultRef ?? undefined}
          data-testid="release-dispatch-ref"
          onFocus={() => {
            if (defaultRef && !form.getFieldValue("dispatchRef"))
              form.setFieldValue("dispatchRef", defaultRef);
          }}
        />
      </Form.Item>
      <Form.Item
        name="warehouseId"
        label={t("stock.column.warehouse")}
        extra={t("reservations.release.allWarehouses")}
      >
        <WarehouseSelect allowClear warehouses={refs.reservable} data-testid="release-warehouse" />
      </Form.Item>
      <Form.Item name="note" label={t("posting.note")}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
      </Form.Item>
      <Popconfirm
        title={t("reservations.release.confirm")}
        okText={t("reservations.release.submit")}
        cancelText={t("common.cancel")}
        onConfirm={submit}
      >
        <Button icon={<UndoOutlined />} loading={release.isPending} data-testid="release-submit">
          {t("reservations.release.submit")}
        </Button>
      </Popconfirm>
    </Form>
  );
}
