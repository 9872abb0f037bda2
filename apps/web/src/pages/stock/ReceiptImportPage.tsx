import { FileExcelOutlined, InboxOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Card, Flex, Table, type TableColumnsType, Upload } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { DownloadButton } from "../../components/DownloadButton";
import { type ImportOutcome, ImportOutcomeAlert } from "../../components/ImportOutcome";
import { PageHeader } from "../../components/PageHeader";
import { invalidateStock } from "../../components/stock/invalidate";
import { useStockRefs } from "../../components/stock/useStockRefs";
import { useI18n } from "../../i18n";
import type { ReceiptImportResult } from "../../lib/api-types";
import { useSpreadsheetFile } from "../../lib/useSpreadsheetFile";
import { queryClient, trpc } from "../../trpc";

type Outcome = ImportOutcome<{ fileName: string; result: ReceiptImportResult }>;

type ImportedDocument = ReceiptImportResult["documents"][number];

/** 入库导入: receipts from a spreadsheet; a file with any problem is rejected whole, with every problem listed. */
export function ReceiptImportPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const prepareFile = useSpreadsheetFile();
  const refs = useStockRefs();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const importReceipts = useMutation(trpc.stock.importReceipts.mutationOptions());

  const upload = async (file: File) => {
    setOutcome(null);
    const payload = await prepareFile(file);
    if (!payload) return;
    importReceipts.mutate(payload, {
      onSuccess(result) {
        void invalidateStock();
        message.success(t("receiptImport.done", { count: result.documents.length }));
        setOutcome({ kind: "imported", imported: { fileName: file.name, result } });
      },
      onError(error) {
        setOutcome({ kind: "failed", error });
      },
    });
  };

  const columns: TableColumnsType<ImportedDocument> = [
    {
      title: t("documents.column.number"),
      dataIndex: "number",
      key: "number",
      render: (number: string, doc) => (
        <Link to={`/documents/${doc.id}`} data-testid="imported-number">
          {number}
        </Link>
      ),
    },
    {
      title: t("stock.column.warehouse"),
      dataIndex: "warehouseId",
      key: "warehouse",
      render: (id: number) => refs.warehouse(id)?.name ?? `#${id}`,
    },
    { title: t("documents.column.lines"), dataIndex: "lineCount", key: "lines", align: "right" },
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t("receiptImport.title")}
        subtitle={t("receiptImport.subtitle")}
        extra={
          <DownloadButton
            icon={<FileExcelOutlined />}
            testId="receipt-template"
            load={() =>
              queryClient.fetchQuery({
                ...trpc.stock.receiptTemplate.queryOptions(),
                staleTime: 0,
                gcTime: 0,
              })
            }
          >
            {t("areas.template")}
          </DownloadButton>
        }
      />
      <Alert
        type="info"
        showIcon
        title={t("receiptImport.rules")}
        description={t("receiptImport.rulesDetail")}
      />
      {outcome && (
        <ImportOutcomeAlert
          outcome={outcome}
          onClose={() => setOutcome(null)}
          success={({ fileName, result }) => ({
            title: t("receiptImport.imported", { fileName, count: result.documents.length }),
            description: (
              <Table<ImportedDocument>
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={result.documents}
                pagination={false}
                data-testid="imported-documents"
              />
            ),
          })}
        />
      )}
      <Card>
        <span data-testid="receipt-import">
          <Upload.Dragger
            accept=".xlsx,.xls"
            showUploadList={false}
            maxCount={1}
            disabled={importReceipts.isPending}
            beforeUpload={(file) => {
              void upload(file);
              // The file goes to the API as base64 JSON, never through antd's own upload request.
              return Upload.LIST_IGNORE;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {importReceipts.isPending ? t("receiptImport.uploading") : t("receiptImport.drop")}
            </p>
            <p className="ant-upload-hint">{t("receiptImport.dropHint")}</p>
          </Upload.Dragger>
        </span>
      </Card>
    </Flex>
  );
}
