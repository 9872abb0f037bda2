import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import type { UseQueryResult } from "@tanstack/react-query";
import { Button, Flex, Skeleton, Space } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router";
import { usePrintWhenReady } from "../lib/usePrintWhenReady";
import { DownloadButton, type FileResult } from "./DownloadButton";
import { QueryError } from "./QueryError";
import "./coverage/coverage.css";

export interface PrintablePageProps<T, E> {
  className: string;
  testId: string;
  /** Where 返回 leads, and what it says. */
  back: { to: string; label: string };
  printLabel: string;
  downloadLabel: string;
  /** The same document as .xlsx. */
  download: () => Promise<FileResult>;
  query: UseQueryResult<T, E>;
  children: (data: T) => ReactNode;
}

/**
 * A document laid out for paper: a toolbar (back, print, the .xlsx) that does not print, then the document once
 * its data has loaded. The document pages (调拨单, incident summary) share it; the print CSS hides `.no-print`.
 * Reached through a 打印 button (`?print=1`), it opens the print dialog once the document is shown.
 */
export function PrintablePage<T, E>({
  className,
  testId,
  back,
  printLabel,
  downloadLabel,
  download,
  query,
  children,
}: PrintablePageProps<T, E>) {
  const navigate = useNavigate();
  usePrintWhenReady(query.data !== undefined);
  return (
    <div className={className} data-testid={testId}>
      <Flex justify="space-between" align="center" wrap gap={12} className="no-print report-toolbar">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(back.to)}>
          {back.label}
        </Button>
        <Space wrap>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            onClick={() => window.print()}
            disabled={!query.data}
            data-testid={`${testId}-button`}
          >
            {printLabel}
          </Button>
          <DownloadButton load={download} testId={`${testId}-download`}>
            {downloadLabel}
          </DownloadButton>
        </Space>
      </Flex>
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => query.refetch()} />
      ) : (
        children(query.data)
      )}
    </div>
  );
}
