export {
  buildCount,
  buildDelete,
  buildGetByKey,
  buildInsert,
  buildSelect,
  buildUpdate,
  COUNT_ALIAS,
  defaultSort,
  escapeLike,
  insertedKey,
  type InsertStatement,
  type SqlStatement,
} from './build-sql';
export { checkValue, checkValues, isRequired, type CheckOptions, type FieldError } from './check-values';
export { decodeRow, decodeValue, encodeValue } from './convert-values';
export { applyNullPolicyOnRead, applyNullPolicyOnWrite, isTypeDefault, typeDefault } from './null-policy';
export { selectColumn, tableName, type InsertKeyStrategy, type Page, type SqlDialect } from './sql-dialect';
export {
  assertWritable,
  MAX_IN_VALUES,
  MAX_LIMIT,
  validateDelete,
  validateFindQuery,
  validateInsert,
  validateKey,
  validateUpdate,
} from './validate-request';
