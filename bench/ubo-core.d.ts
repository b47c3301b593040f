/** The part of @gorhill/ubo-core (plain JavaScript, no types) the benchmark uses. */
declare module '@gorhill/ubo-core' {
  export interface StaticNetFilteringEngineInstance {
    useLists(lists: ({ name?: string; raw: string } | Promise<{ name?: string; raw: string }>)[]): Promise<void>;
    /** 0: no filter matched; 1: blocked; 2: allowed by an exception. */
    matchRequest(details: { originURL: string; url: string; type: string }): number;
  }
  export const StaticNetFilteringEngine: {
    create(options?: { noPSL?: boolean }): Promise<StaticNetFilteringEngineInstance>;
  };
}
