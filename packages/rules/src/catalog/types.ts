/** How sure we are of a fact: seen in a public source, partly seen, or believed (see domain.md). */
export type Evidence = 'V' | 'P' | 'M';

/** Capital a line may take: investment (vốn đầu tư phát triển) or recurrent (vốn sự nghiệp). */
export type CapitalType = 'investment' | 'recurrent';

/** A sub-project (tiểu dự án) of a project. */
export interface SubProject {
  /** `DA3.TDA1` */
  readonly code: string;
  readonly number: number;
  readonly name: string;
  readonly nameEvidence: Evidence;
  readonly capital: readonly CapitalType[];
}

/** A project (dự án) of the programme. */
export interface Project {
  /** `DA3` */
  readonly code: string;
  readonly number: number;
  readonly name: string;
  readonly nameEvidence: Evidence;
  /** Capital the project-level line may take (the union of its sub-projects'). */
  readonly capital: readonly CapitalType[];
  readonly subprojects: readonly SubProject[];
}

/** Which way an indicator's target should move. */
export type Direction = 'up' | 'down';

/** A deprivation or basic-social-service indicator. */
export interface Indicator {
  readonly id: string;
  readonly name: string;
  readonly dimension: string;
  /** Normalised phrases that identify the indicator in a label. */
  readonly keywords: readonly string[];
  /** Direction of a coverage-type label; labels that speak of deprivation move the other way. */
  readonly direction: Direction;
  readonly evidence: Evidence;
}

/** The catalogue of one programme period. */
export interface ProgrammeCatalog {
  readonly period: string;
  readonly title: string;
  readonly decision: string;
  readonly projects: readonly Project[];
  readonly indicators: readonly Indicator[];
  /** Where the capital-type rule comes from, and how sure it is. */
  readonly capitalRule: {
    readonly evidence: Evidence;
    /** Where it comes from, in English. */
    readonly source: string;
    /** The same in Vietnamese, for the Vietnamese message. */
    readonly sourceVi: string;
  };
}
