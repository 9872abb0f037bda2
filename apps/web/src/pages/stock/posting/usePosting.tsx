import { CheckCircleOutlined } from "@ant-design/icons";
import { Alert, App, type FormInstance } from "antd";
import { useCallback, useState } from "react";
import { Link } from "react-router";
import { useFormFailure } from "../../../components/FormFailure";
import { invalidateStock } from "../../../components/stock/invalidate";
import { useI18n } from "../../../i18n";
import { isLineField } from "./lines";

export interface PostedInfo {
  id: number;
  number: string;
}

/**
 * What every posting form shares: server issues beside the header field or line they name, the server's
 * message above the form, and after success the document's number with a link to it.
 */
export function usePosting<Values>(form: FormInstance<Values>, headerFields: readonly string[]) {
  const { t, list } = useI18n();
  const { message } = App.useApp();
  const [posted, setPosted] = useState<PostedInfo[]>([]);
  const matcher = useCallback(
    (field: string) => isLineField(field) || headerFields.includes(field),
    [headerFields],
  );
  const { failure, fail, clear } = useFormFailure(form, matcher);

  const succeed = useCallback(
    (documents: PostedInfo[]) => {
      clear();
      setPosted(documents);
      void invalidateStock();
      message.success(t("posting.done", { number: list(documents.map((d) => d.number)) }));
    },
    [clear, message, t, list],
  );
  const start = useCallback(() => {
    clear();
    setPosted([]);
  }, [clear]);

  return { failure, fail, clear, posted, succeed, start };
}

/** The posted document numbers, each linking to the document. */
export function PostedAlert({ posted, onClose }: { posted: PostedInfo[]; onClose: () => void }) {
  const { t } = useI18n();
  if (posted.length === 0) return null;
  return (
    <Alert
      type="success"
      showIcon
      icon={<CheckCircleOutlined />}
      className="form-alert"
      data-testid="posted"
      closable={{ onClose }}
      title={
        <span>
          {t("posting.postedTitle")}{" "}
          {posted.map((doc, i) => (
            <span key={doc.id}>
              {i > 0 && t("common.listSeparator")}
              <Link to={`/documents/${doc.id}`} data-testid="posted-number">
                {doc.number}
              </Link>
            </span>
          ))}
        </span>
      }
      description={t("posting.postedHint")}
    />
  );
}
