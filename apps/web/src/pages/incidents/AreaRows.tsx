import { PlusOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Form, type FormInstance, InputNumber, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { RemoveRowButton } from "../../components/RemoveRowButton";
import { useI18n } from "../../i18n";
import { trpc } from "../../trpc";
import "./incidents.css";
import type { IncidentAreaFigures, IncidentAreaInput } from "./incidentTypes";

/** One affected area as the form edits it: a township, and optionally one of its villages. */
export interface AreaRowValues {
  townshipId?: number;
  villageId?: number;
  /** The village's name when the row came from a report, before its township's villages are loaded. */
  villageName?: string;
  affected?: number;
  relocated?: number;
}

export const EMPTY_AREA_ROW: AreaRowValues = {};

/** A row added and left blank is dropped on save; the first stays, as a report names at least one area. */
export const AREA_ROWS = [{ list: "areas", keep: 1 }];

/** The rows of a report as the form starts them: the figures of the latest report. */
export function rowsFromFigures(areas: readonly IncidentAreaFigures[]): AreaRowValues[] {
  return areas.map((a) =>
    a.level === "village"
      ? {
          townshipId: a.townshipId,
          villageId: a.areaId,
          villageName: a.name,
          affected: a.affected,
          relocated: a.relocated,
        }
      : { townshipId: a.areaId, affected: a.affected, relocated: a.relocated },
  );
}

/** The rows as the API takes them: the village where one is chosen, else the township. */
export function areasInput(rows: readonly AreaRowValues[]): IncidentAreaInput[] {
  return rows.map((r) => ({
    areaId: r.villageId ?? r.townshipId ?? 0,
    affected: r.affected ?? 0,
    relocated: r.relocated ?? 0,
  }));
}

/** A server issue on `areas.3.areaId` goes beside the row's township. */
export const areaFieldPlacement = (field: string) => field.replace(/^(areas\.\d+)\.areaId$/, "$1.townshipId");
export const isAreaField = (field: string) => /^areas\.\d+\.(areaId|affected|relocated)$/.test(field);

function VillageSelect({
  townshipId,
  knownName,
  value,
  onChange,
  testId,
}: {
  townshipId: number | undefined;
  knownName?: string;
  value?: number;
  onChange?: (value: number | undefined) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const villages = useQuery(
    trpc.areas.villages.queryOptions(
      { townshipId, search: search.trim() || undefined, pageSize: 50 },
      { enabled: townshipId !== undefined },
    ),
  );
  const options = (villages.data?.rows ?? []).map((v) => ({ value: v.id, label: v.name }));
  if (value !== undefined && knownName && !options.some((o) => o.value === value))
    options.unshift({ value, label: knownName });
  return (
    <Select<number>
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      disabled={townshipId === undefined}
      placeholder={t("incidents.form.wholeTownship")}
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      loading={villages.isFetching}
      className="incident-area-village"
      data-testid={testId}
    />
  );
}

/**
 * The affected areas of a report, one row each: township, optionally a village of it, 受灾人口 and, of them,
 * 紧急转移安置人口. The server refuses a row's mistakes beside the row.
 */
export function AreaRows<Values extends { areas: AreaRowValues[] }>({
  form,
}: {
  form: FormInstance<Values>;
}) {
  const { t } = useI18n();
  const townships = useQuery(trpc.areas.list.queryOptions({ level: "township" }));
  const rows: AreaRowValues[] = Form.useWatch("areas", form as FormInstance) ?? [];
  const townshipOptions = (townships.data?.areas ?? []).map((a) => ({ value: a.id, label: a.name }));
  // 受灾人口 and 紧急转移安置人口: the same whole-number cell, required.
  const peopleColumn = (key: "affected" | "relocated") => ({
    title: <span className="required-title">{t(`incidents.field.${key}`)}</span>,
    key,
    render: (_v: unknown, field: { name: number }) => (
      <Form.Item
        name={[field.name, key]}
        rules={[{ required: true, message: t("incidents.form.peopleRequired") }]}
        className="cell-form-item"
      >
        <InputNumber<number>
          min={0}
          precision={0}
          className="incident-people"
          data-testid={`incident-area-${key}-${field.name}`}
        />
      </Form.Item>
    ),
  });
  return (
    <Form.List name="areas">
      {(fields, { add, remove }) => (
        <Space direction="vertical" className="full-width">
          <Table
            size="small"
            pagination={false}
            rowKey="key"
            dataSource={fields}
            data-testid="incident-area-rows"
            columns={[
              {
                title: <span className="required-title">{t("incidents.form.township")}</span>,
                key: "township",
                render: (_v, field) => (
                  <Form.Item
                    name={[field.name, "townshipId"]}
                    rules={[{ required: true, message: t("incidents.form.townshipRequired") }]}
                    className="cell-form-item"
                  >
                    <Select<number>
                      showSearch={{ optionFilterProp: "label" }}
                      options={townshipOptions}
                      loading={townships.isPending}
                      onChange={() =>
                        form.setFieldValue(["areas", field.name, "villageId"] as never, undefined as never)
                      }
                      className="incident-area-township"
                      data-testid={`incident-area-township-${field.name}`}
                    />
                  </Form.Item>
                ),
              },
              {
                title: t("incidents.form.village"),
                key: "village",
                render: (_v, field) => (
                  <Form.Item name={[field.name, "villageId"]} className="cell-form-item">
                    <VillageSelect
                      townshipId={rows[field.name]?.townshipId}
                      knownName={rows[field.name]?.villageName}
                      testId={`incident-area-village-${field.name}`}
                    />
                  </Form.Item>
                ),
              },
              peopleColumn("affected"),
              peopleColumn("relocated"),
              {
                title: "",
                key: "remove",
                render: (_v, field) =>
                  fields.length > 1 && (
                    <RemoveRowButton
                      label={t("incidents.form.removeArea")}
                      onClick={() => remove(field.name)}
                      testId={`incident-area-remove-${field.name}`}
                    />
                  ),
              },
            ]}
          />
          <Space>
            <Button
              icon={<PlusOutlined />}
              onClick={() => add(EMPTY_AREA_ROW)}
              data-testid="incident-area-add"
            >
              {t("incidents.form.addArea")}
            </Button>
            <Typography.Text type="secondary">{t("incidents.form.areasHint")}</Typography.Text>
          </Space>
        </Space>
      )}
    </Form.List>
  );
}
