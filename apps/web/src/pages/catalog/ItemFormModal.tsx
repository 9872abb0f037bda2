import { PlusOutlined } from "@ant-design/icons";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Button, Col, Flex, Form, Input, InputNumber, Row, Select, Switch, Typography } from "antd";
import { useFormFailure } from "../../components/FormFailure";
import { FormModal, useSaved } from "../../components/FormModal";
import { RemoveRowButton } from "../../components/RemoveRowButton";
import { useI18n } from "../../i18n";
import type { ItemInput, ItemView } from "../../lib/api-types";
import { categoryLabel } from "../../lib/coverage";
import { trpc } from "../../trpc";

interface ItemValues {
  code: string;
  name: string;
  categoryId?: number;
  specification?: string;
  baseUnit: string;
  kgPerUnit?: number;
  m3PerUnit?: number;
  shelfLifeMonths?: number | null;
  active: boolean;
  packs: Array<{ name?: string; baseQuantity?: number }>;
}

/** A pack row added and left blank is dropped on save. */
const PACK_ROWS = [{ list: "packs" }];

const FIELDS = (field: string) =>
  [
    "code",
    "name",
    "categoryId",
    "specification",
    "baseUnit",
    "kgPerUnit",
    "m3PerUnit",
    "shelfLifeMonths",
    "active",
  ].includes(field) || /^packs\.\d+\.(name|baseQuantity)$/.test(field);

/** Creates or edits a material: code, name, category, units and packs, weight and volume, shelf life. */
export function ItemFormModal({ item, onClose }: { item: ItemView | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<ItemValues>();
  const { failure, fail, clear } = useFormFailure(form, FIELDS);
  const categories = useQuery(trpc.items.categories.queryOptions());
  const baseUnit = Form.useWatch("baseUnit", form);
  const onSuccess = useSaved(onClose, trpc.items.pathFilter());
  const create = useMutation(trpc.items.create.mutationOptions({ onSuccess, onError: fail }));
  const update = useMutation(trpc.items.update.mutationOptions({ onSuccess, onError: fail }));

  const submit = async () => {
    const values = await form.validateFields();
    clear();
    const input: ItemInput = {
      code: values.code.trim(),
      name: values.name.trim(),
      categoryId: values.categoryId ?? 0,
      specification: values.specification?.trim() ?? "",
      baseUnit: values.baseUnit.trim(),
      kgPerUnit: values.kgPerUnit ?? 0,
      m3PerUnit: values.m3PerUnit ?? 0,
      shelfLifeMonths: values.shelfLifeMonths ?? null,
      active: values.active,
      packs: (values.packs ?? []).map((p) => ({
        name: p.name?.trim() ?? "",
        baseQuantity: p.baseQuantity ?? 0,
      })),
    };
    if (item) update.mutate({ id: item.id, ...input });
    else create.mutate(input);
  };

  return (
    <FormModal
      title={item ? t("catalog.form.editTitle", { name: item.name }) : t("catalog.form.createTitle")}
      width={720}
      okTestId="item-form-ok"
      pending={create.isPending || update.isPending}
      onOk={submit}
      onClose={onClose}
      form={form}
      optionalRows={PACK_ROWS}
      failure={failure}
    >
      <Form<ItemValues>
        form={form}
        layout="vertical"
        name="item"
        initialValues={
          item
            ? { ...item, specification: item.specification, packs: item.packs }
            : { active: true, packs: [], kgPerUnit: 0, m3PerUnit: 0, shelfLifeMonths: null }
        }
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="code"
              label={t("catalog.column.code")}
              extra={t("catalog.form.codeRule")}
              rules={[{ required: true, whitespace: true, message: t("catalog.form.codeRequired") }]}
            >
              <Input maxLength={30} data-testid="item-form-code" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="name"
              label={t("catalog.column.name")}
              rules={[{ required: true, whitespace: true, message: t("catalog.form.nameRequired") }]}
            >
              <Input maxLength={60} data-testid="item-form-name" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="categoryId"
              label={t("stock.column.category")}
              rules={[{ required: true, message: t("catalog.form.categoryRequired") }]}
            >
              <Select<number>
                loading={categories.isPending}
                options={(categories.data ?? []).map((c) => ({
                  value: c.id,
                  label: categoryLabel(c, locale),
                }))}
                data-testid="item-form-category"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="specification" label={t("catalog.column.specification")}>
          <Input maxLength={200} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item
              name="baseUnit"
              label={t("catalog.column.baseUnit")}
              tooltip={t("catalog.form.baseUnitHint")}
              rules={[{ required: true, whitespace: true, message: t("catalog.form.baseUnitRequired") }]}
            >
              <Input maxLength={10} data-testid="item-form-base-unit" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="kgPerUnit" label={t("catalog.column.kg")} rules={[{ required: true }]}>
              <InputNumber<number> min={0} step={0.1} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="m3PerUnit" label={t("catalog.column.m3")} rules={[{ required: true }]}>
              <InputNumber<number> min={0} step={0.001} className="full-width" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="shelfLifeMonths"
              label={t("catalog.column.shelfLife")}
              extra={t("catalog.form.shelfLifeHint")}
            >
              <InputNumber<number> min={1} max={600} precision={0} className="full-width" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t("catalog.column.packs")}</Typography.Text>
        <Typography.Paragraph type="secondary" className="packs-hint">
          {t("catalog.form.packsHint", { unit: baseUnit || t("catalog.column.baseUnit") })}
        </Typography.Paragraph>
        <Form.List name="packs">
          {(fields, { add, remove }) => (
            <Flex vertical gap={0}>
              {fields.map((field) => (
                <Row key={field.key} gutter={8} align="top" data-testid={`pack-${field.name}`}>
                  <Col span={9}>
                    <Form.Item
                      name={[field.name, "name"]}
                      rules={[
                        { required: true, whitespace: true, message: t("catalog.form.packNameRequired") },
                      ]}
                    >
                      <Input
                        maxLength={10}
                        placeholder={t("catalog.form.packName")}
                        data-testid={`pack-${field.name}-name`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={1} className="pack-equals">
                    =
                  </Col>
                  <Col span={9}>
                    <Form.Item
                      name={[field.name, "baseQuantity"]}
                      rules={[{ required: true, message: t("catalog.form.packQuantityRequired") }]}
                    >
                      <InputNumber<number>
                        min={2}
                        precision={0}
                        className="full-width"
                        suffix={baseUnit}
                        placeholder={t("catalog.form.packQuantity")}
                        data-testid={`pack-${field.name}-quantity`}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <RemoveRowButton label={t("common.delete")} onClick={() => remove(field.name)} />
                  </Col>
                </Row>
              ))}
              {fields.length < 5 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} data-testid="pack-add">
                  {t("catalog.form.addPack")}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        <Form.Item
          name="active"
          label={t("catalog.column.active")}
          valuePropName="checked"
          className="form-switch-row"
        >
          <Switch checkedChildren={t("users.active")} unCheckedChildren={t("users.inactive")} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
