// Pure SLA clock math (due time, elapsed/remaining, breach, ladder fire times); import relatively inside this lib.
export * from './sla-clock';
