export { type AdviceOptions, adviseLayout, type LayoutAdvice, type Purchase, type Transfer } from "./advise";
export {
  CONFIRM_SEARCH,
  type ConfirmSearch,
  confirmLayout,
  type LayoutConfirmation,
  type ScenarioConfirmation,
} from "./confirm";
export { evaluateLayout, type LayoutEvaluation, type ScenarioOutcome } from "./evaluate";
export { planningLayout, scenarioProblem } from "./planner";
export { LAYOUT_STAGES, type LayoutProgress, type LayoutStage, type OnLayoutProgress } from "./progress";
export { type DistrictCoverage, districtCoverage, type MoveReason } from "./reasons";
export {
  buildScenarios,
  DISTRICT_SCENARIO,
  type ScenarioOptions,
  type TownshipRegister,
  type TownshipRisk,
} from "./scenarios";
export {
  currentLayout,
  HAZARDS,
  type Hazard,
  type Layout,
  type LayoutProblem,
  type LayoutScenario,
  layoutProblemSchema,
  parseLayoutProblem,
  type RoadRef,
  type ValidLayoutProblem,
} from "./schema";
