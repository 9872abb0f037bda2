export * from "./agreements";
export * from "./areas";
export * from "./audit";
export * from "./enterprises";
export * from "./items";
export * from "./stock";
export * from "./users";
export * from "./warehouses";
