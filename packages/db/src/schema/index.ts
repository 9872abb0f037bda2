export * from "./areas";
export * from "./audit";
export * from "./users";
