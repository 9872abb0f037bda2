/** The plan's two population targets: reserves for 10 % of residents, shelter places for 20 %. */
export const RESERVE_TARGET_RATIO = 0.1;
export const SHELTER_TARGET_RATIO = 0.2;
