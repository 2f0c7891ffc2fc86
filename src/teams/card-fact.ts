/** A label/value pair rendered in a FactSet (own module: every view-model file uses it). */
export interface CardFact {
  title: string;
  value: string;
}
