export { LabelledField, labelledFieldId, type FieldVocabulary, type LabelledFieldProps } from './LabelledField';
