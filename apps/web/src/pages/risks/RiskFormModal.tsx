import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { queryClient, trpc } from "../../trpc";
import type { Risk } from "../layout/layoutTypes";

interface RiskValues {
  sizeBy: "relocated" | "share";
  relocated: number | null;
  /** In percent on the form; the server takes a share of 0–1. */
  sharePercent: number | null;
  weight: number | null;
  closedRoadIds: number[];
  basis: string;
  estimate: boolean;
  note: string;
}

const FIELDS = ["relocated", "shareOfResidents", "weight", "closedRoadIds", "basis", "estimate", "note"];
// The server names the share `shareOfResidents`; the form keeps it in percent under its own name.
const placement = (field: string) => (field === "shareOfResidents" ? "sharePercent" : field);

/**
 * Changes one hazard of a township's register: its size (relocated people or a share of residents), likelihood
 * weight, the roads it closes, its basis and whether it is an estimate, with the reason for the change. Saving
 * adds a version in force from now.
 */
export function RiskFormModal({ risk, onClose }: { risk: Risk; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RiskValues>();
  const { failure, fail, clear } = useFormFailure(form, [...FIELDS, "sharePercent"], placement);
  const roads = useQuery(trpc.roads.list.queryOptions());
  const hazard = t(`risks.hazard.${risk.hazard}`);
  const update = useMutation(
    trpc.risks.update.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.risks.pathFilter());
        void queryClient.invalidateQueries(trpc.layout.pathFilter());
        message.success(t("risks.form.saved", { township: risk.township, hazard }));
        onClose();
      },
      onError: fail,
    }),
  );
  const sizeBy = Form.useWatch("sizeBy", form) ?? (risk.relocated !== null ? "relocated" : "share");

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    update.mutate({
      areaId: risk.areaId,
      hazard: risk.hazard,
      relocated: v.sizeBy === "relocated" ? v.relocated : null,
      shareOfResidents: v.sizeBy === "share" && v.sharePercent !== null ? v.sharePercent / 100 : null,
      // Left to the server to refuse, so its message stands beside the field.
      weight: v.weight ?? -1,
      closedRoadIds: v.closedRoadIds,
      basis: v.basis?.trim() ?? "",
      estimate: v.estimate,
      note: v.note?.trim() ?? "",
    });
  };

  return (
    <FormModal
      title={t("risks.form.title", { township: risk.township, hazard })}
      width={720}
      okTestId="risk-form-ok"
      pending={update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      failure={failure}
      intro={<Alert className="form-alert" type="info" showIcon title={t("risks.form.versionNote")} />}
    >
      <Form<RiskValues>
        form={form}
        layout="vertical"
        name="risk"
        initialValues={{
          sizeBy: risk.relocated !== null ? "relocated" : "share",
          relocated: risk.relocated,
          sharePercent: risk.shareOfResidents === null ? null : risk.shareOfResidents * 100,
          weight: risk.weight,
          closedRoadIds: risk.closedRoads.map((r) => r.id),
          basis: risk.basis,
          estimate: risk.estimate,
          note: "",
        }}
      >
        <Form.Item name="sizeBy" label={t("risks.form.sizeBy")}>
          <Radio.Group
            options={[
              { value: "relocated", label: t("risks.form.byRelocated") },
              { value: "share", label: t("risks.form.byShare") },
            ]}
            data-testid="risk-size-by"
          />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            {sizeBy === "relocated" ? (
              <Form.Item name="relocated" label={t("risks.field.relocated")}>
                <InputNumber precision={0} style={{ width: "100%" }} data-testid="risk-relocated" />
              </Form.Item>
            ) : (
              <Form.Item name="sharePercent" label={t("risks.form.byShare")}>
                <InputNumber style={{ width: "100%" }} data-testid="risk-share" />
              </Form.Item>
            )}
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="weight" label={t("risks.field.weight")}>
              <InputNumber style={{ width: "100%" }} data-testid="risk-weight" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="closedRoadIds" label={t("risks.field.closedRoads")}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: "label" }}
            loading={roads.isLoading}
            options={(roads.data?.edges ?? []).map((e) => ({ value: e.id, label: `${e.name} (${e.code})` }))}
            data-testid="risk-roads"
          />
        </Form.Item>
        <Form.Item name="basis" label={t("risks.field.basis")}>
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} data-testid="risk-basis" />
        </Form.Item>
        <Form.Item name="estimate" label={t("risks.page.estimate")} valuePropName="checked">
          <Switch data-testid="risk-estimate" />
        </Form.Item>
        <Form.Item name="note" label={t("risks.field.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="risk-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
