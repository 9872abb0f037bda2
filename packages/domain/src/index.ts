/**
 * The vocabulary every layer shares — database schema, domain actions, API and web app: roles and who may
 * do what, targets, kinds and codes, units. No dependencies, no I/O: the web bundles it as it is.
 */
export * from "./agreements";
export * from "./aid";
export * from "./areas";
export * from "./coverage";
export * from "./credit-code";
export * from "./dispatch";
export * from "./enterprises";
export * from "./layout";
export * from "./messages";
export * from "./roles";
export * from "./settings";
export * from "./stock";
export * from "./targets";
export * from "./units";
export * from "./vehicles";
export * from "./warehouses";
