import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal } from "../../components/FormModal";
import { useI18n } from "../../i18n";
import { queryClient, trpc } from "../../trpc";
import { HAZARDS, type Hazard, type Risk } from "../layout/layoutTypes";

interface RiskValues {
  /** Only when registering a new hazard. */
  areaId?: number;
  hazard?: Hazard;
  /** False takes the hazard off the township's register. */
  active: boolean;
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

const FIELDS = [
  "areaId",
  "hazard",
  "active",
  "relocated",
  "shareOfResidents",
  "weight",
  "closedRoadIds",
  "basis",
  "estimate",
  "note",
];
// The server names the share `shareOfResidents`; the form keeps it in percent under its own name.
const placement = (field: string) => (field === "shareOfResidents" ? "sharePercent" : field);

/**
 * Registers a hazard for a township (`risk` null; the hazards `registered` already are not offered again), or
 * changes one: its size (relocated people or a share of residents), likelihood weight, the roads it closes, its
 * basis and whether it is an estimate — or takes it off the register — with the reason. Saving adds a version
 * in force from now.
 */
export function RiskFormModal({
  risk,
  registered,
  onClose,
}: {
  risk: Risk | null;
  registered: readonly Risk[];
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<RiskValues>();
  const { failure, fail, clear } = useFormFailure(form, [...FIELDS, "sharePercent"], placement);
  const roads = useQuery(trpc.roads.list.queryOptions());
  const townships = useQuery({
    ...trpc.areas.list.queryOptions({ level: "township" }),
    enabled: risk === null,
  });
  const areaId = Form.useWatch("areaId", form);
  const active = Form.useWatch("active", form) ?? true;
  const sizeBy = Form.useWatch("sizeBy", form) ?? (risk?.relocated === null ? "share" : "relocated");
  const update = useMutation(
    trpc.risks.update.mutationOptions({
      onSuccess: (_view, input) => {
        void queryClient.invalidateQueries(trpc.risks.pathFilter());
        void queryClient.invalidateQueries(trpc.layout.pathFilter());
        const township =
          risk?.township ?? townships.data?.areas.find((a) => a.id === input.areaId)?.name ?? "";
        const hazard = t(`risks.hazard.${input.hazard}`);
        message.success(
          input.active === false
            ? t("risks.form.removed", { township, hazard })
            : t("risks.form.saved", { township, hazard }),
        );
        onClose();
      },
      onError: fail,
    }),
  );

  const submit = async () => {
    const v = await form.validateFields();
    clear();
    const note = v.note?.trim() ?? "";
    if (risk && v.active === false) {
      // Taken off the register: the version keeps the hazard's figures, with no size.
      update.mutate({
        areaId: risk.areaId,
        hazard: risk.hazard,
        active: false,
        relocated: null,
        shareOfResidents: null,
        weight: risk.weight,
        closedRoadIds: risk.closedRoads.map((r) => r.id),
        basis: risk.basis,
        estimate: risk.estimate,
        note,
      });
      return;
    }
    update.mutate({
      areaId: risk?.areaId ?? (v.areaId as number),
      hazard: risk?.hazard ?? (v.hazard as Hazard),
      relocated: v.sizeBy === "relocated" ? v.relocated : null,
      shareOfResidents: v.sizeBy === "share" && v.sharePercent !== null ? v.sharePercent / 100 : null,
      // Left to the server to refuse, so its message stands beside the field.
      weight: v.weight ?? -1,
      closedRoadIds: v.closedRoadIds,
      basis: v.basis?.trim() ?? "",
      estimate: v.estimate,
      note,
    });
  };
  const taken = new Set(registered.filter((r) => r.areaId === areaId).map((r) => r.hazard));

  return (
    <FormModal
      title={
        risk
          ? t("risks.form.title", { township: risk.township, hazard: t(`risks.hazard.${risk.hazard}`) })
          : t("risks.form.createTitle")
      }
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
        initialValues={
          risk
            ? {
                active: true,
                sizeBy: risk.relocated !== null ? "relocated" : "share",
                relocated: risk.relocated,
                sharePercent: risk.shareOfResidents === null ? null : risk.shareOfResidents * 100,
                weight: risk.weight,
                closedRoadIds: risk.closedRoads.map((r) => r.id),
                basis: risk.basis,
                estimate: risk.estimate,
                note: "",
              }
            : {
                active: true,
                sizeBy: "relocated",
                relocated: null,
                sharePercent: null,
                weight: 1,
                closedRoadIds: [],
                basis: "",
                estimate: true,
                note: "",
              }
        }
      >
        {risk === null && (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="areaId"
                label={t("risks.field.township")}
                rules={[{ required: true, message: t("risks.form.townshipRequired") }]}
              >
                <Select<number>
                  showSearch={{ optionFilterProp: "label" }}
                  loading={townships.isLoading}
                  options={(townships.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }))}
                  onChange={() => form.setFieldValue("hazard", undefined)}
                  data-testid="risk-township"
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="hazard"
                label={t("risks.field.hazard")}
                rules={[{ required: true, message: t("risks.form.hazardRequired") }]}
              >
                <Select<Hazard>
                  options={HAZARDS.map((h) => ({
                    value: h,
                    label: taken.has(h)
                      ? t("risks.form.hazardTaken", { hazard: t(`risks.hazard.${h}`) })
                      : t(`risks.hazard.${h}`),
                    disabled: taken.has(h),
                  }))}
                  data-testid="risk-hazard"
                />
              </Form.Item>
            </Col>
          </Row>
        )}
        {risk !== null && (
          <Form.Item
            name="active"
            label={t("risks.form.onRegister")}
            valuePropName="checked"
            extra={active ? undefined : t("risks.form.removeNote")}
          >
            <Switch data-testid="risk-active" />
          </Form.Item>
        )}
        {active && (
          <>
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
                options={(roads.data?.edges ?? []).map((e) => ({
                  value: e.id,
                  label: `${e.name} (${e.code})`,
                }))}
                data-testid="risk-roads"
              />
            </Form.Item>
            <Form.Item name="basis" label={t("risks.field.basis")}>
              <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} data-testid="risk-basis" />
            </Form.Item>
            <Form.Item name="estimate" label={t("risks.page.estimate")} valuePropName="checked">
              <Switch data-testid="risk-estimate" />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label={t("risks.field.note")}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="risk-note" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
