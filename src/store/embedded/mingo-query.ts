import { Context } from 'mingo';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { Query } from 'mingo/query';
import type { Criteria, Options } from 'mingo/types';
import type { Document } from 'mongodb';

// mingo's `new Query(filter)` copies every operator table (some 300 entries) into a fresh context on each call,
// which made the copy most of the cost of a small query (issue 12: 42 µs a query, 30 µs of it the copy).
// A query given mingo's own options object shares its context instead. mingo 7 does not export that class,
// so one is taken from the only place it hands it out: the options passed to a query operator as it compiles.
const CAPTURE = '$__embeddedStoreOptions';

function sharedOptions(): Options {
  let captured: Options | null = null;
  const context = Context.init({
    accumulator: accumulatorOperators,
    expression: expressionOperators,
    pipeline: pipelineOperators,
    projection: projectionOperators,
    query: {
      ...queryOperators,
      [CAPTURE]: (_selector: string, _value: unknown, options: Options) => {
        captured = options;
        return () => true;
      },
    },
    window: windowOperators,
  } as Parameters<typeof Context.init>[0]);
  new Query({ _: { [CAPTURE]: true } }, { context });
  if (!captured) throw new Error('mingo did not pass its options to a query operator');
  return captured;
}

const OPTIONS = sharedOptions();

/** A compiled mingo query sharing one operator context: the same answers as `new Query(filter)` from 'mingo'. */
export function compileQuery<T extends Document = Document>(filter: Document): Query<T> {
  return new Query<T>(filter as Criteria<T>, OPTIONS);
}
