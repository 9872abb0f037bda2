import { Button, Col, Flex, Row, Select, Typography } from "antd";
import { useI18n } from "../../i18n";
import type { PlanOptions } from "./planTypes";

export interface Choice {
  value: number;
  label: string;
}

export const NO_OPTIONS: PlanOptions = {
  pinnedWarehouseIds: [],
  excludedWarehouseIds: [],
  pinnedVehicleIds: [],
  excludedVehicleIds: [],
  pinnedEdgeIds: [],
  excludedEdgeIds: [],
};

/** Whether the options ask for anything beyond the plain plan. */
export function hasOptions(options: PlanOptions): boolean {
  return Object.values(options).some((ids) => ids.length > 0);
}

function IdsSelect({
  label,
  field,
  options,
  choices,
  onChange,
  disabled,
}: {
  label: string;
  field: keyof PlanOptions;
  options: PlanOptions;
  choices: readonly Choice[];
  onChange: (next: PlanOptions) => void;
  disabled: boolean;
}) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text>{label}</Typography.Text>
      <Select<number[]>
        mode="multiple"
        allowClear
        showSearch
        optionFilterProp="label"
        value={options[field]}
        options={choices as Choice[]}
        onChange={(ids) => onChange({ ...options, [field]: ids })}
        disabled={disabled}
        data-testid={`plan-option-${field}`}
        style={{ width: "100%" }}
      />
    </Flex>
  );
}

/**
 * What the dispatcher imposes on the next plan: only these warehouses or vehicles (pinned) or never these
 * (excluded); roads known passable although marked closed (pinned) or not to be driven although open
 * (excluded). Re-planning makes a new version of the incident's plan. Readers see what the version on screen
 * was planned with.
 */
export function PlanOptionsPanel({
  options,
  onChange,
  warehouses,
  vehicles,
  roads,
  onPlan,
  planning,
  canPlan,
}: {
  options: PlanOptions;
  onChange: (next: PlanOptions) => void;
  warehouses: readonly Choice[];
  vehicles: readonly Choice[];
  roads: readonly Choice[];
  onPlan: () => void;
  planning: boolean;
  canPlan: boolean;
}) {
  const { t } = useI18n();
  const pair = (pinned: keyof PlanOptions, excluded: keyof PlanOptions, choices: readonly Choice[]) => (
    <>
      <Col xs={24} md={12}>
        <IdsSelect
          label={t(`plan.options.${pinned}`)}
          field={pinned}
          options={options}
          choices={choices}
          onChange={onChange}
          disabled={!canPlan}
        />
      </Col>
      <Col xs={24} md={12}>
        <IdsSelect
          label={t(`plan.options.${excluded}`)}
          field={excluded}
          options={options}
          choices={choices}
          onChange={onChange}
          disabled={!canPlan}
        />
      </Col>
    </>
  );
  return (
    <Flex vertical gap={12} data-testid="plan-options">
      <Typography.Text type="secondary">{t("plan.options.help")}</Typography.Text>
      <Row gutter={[16, 12]}>
        {pair("pinnedWarehouseIds", "excludedWarehouseIds", warehouses)}
        {pair("pinnedVehicleIds", "excludedVehicleIds", vehicles)}
        {pair("pinnedEdgeIds", "excludedEdgeIds", roads)}
      </Row>
      {canPlan && (
        <Flex gap={8}>
          <Button type="primary" onClick={onPlan} loading={planning} data-testid="plan-replan">
            {t("plan.options.replan")}
          </Button>
          <Button onClick={() => onChange(NO_OPTIONS)} disabled={!hasOptions(options)}>
            {t("plan.options.clear")}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
