import { z } from 'zod'

/**
 * One request of a feature: the zod schema its argument must pass before main acts on it, and,
 * as types only, what it answers. The contract, the preload's API, dispatch validation and the
 * handler types are all derived from these definitions (see `contract.ts`).
 */
export interface RequestDefinition<
  Input extends z.ZodType = z.ZodType,
  Value = unknown,
  Failure extends string = string,
> {
  /** Validates the renderer's argument; the handler receives what it parses to. */
  readonly input: Input
  /** Never set at run time: carries the answer's types to the contract. */
  readonly answers?: { readonly value: Value; readonly failure: Failure }
}

/** A feature's requests by name. */
export type RequestDefinitions = Record<string, RequestDefinition>

/**
 * Starts a request definition from the schema of its argument; `.answers<Value, Failure>()`
 * names what it resolves to (its value, and the codes of its expected failures).
 */
export function request<Input extends z.ZodType>(input: Input) {
  return {
    answers: <Value, Failure extends string = never>(): RequestDefinition<
      Input,
      Value,
      Failure
    > => ({ input }),
  }
}

/** The argument of a request that takes none. */
export const noArgs = /* @__PURE__ */ z.undefined()

/**
 * Builds a feature's request definitions. Marked pure where it is called, so a bundle that
 * imports the contract only for its types or events (the renderer) leaves zod and every schema
 * out: building a schema is a call the bundler cannot otherwise prove harmless.
 */
export function defineRequests<Definitions extends RequestDefinitions>(
  build: () => Definitions,
): Definitions {
  return build()
}

/** What a request definition takes (its schema's parsed type), answers and may fail with. */
export type ArgsOf<D extends RequestDefinition> = z.output<D['input']>
export type ValueOf<D extends RequestDefinition> = NonNullable<D['answers']>['value']
export type FailureOf<D extends RequestDefinition> = NonNullable<D['answers']>['failure']
