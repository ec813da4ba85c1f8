import { t, type MessageKey } from '../messages/catalog.js';
import { formatNumber } from '../money/format.js';
import { convertUnit, type MoneyUnit } from '../money/units.js';
import type { Decimal } from '../money/decimal.js';

/** The name of a money unit in both languages, as message parameters `{unit}` and `{unitEn}`. */
export function unitParams(unit: MoneyUnit, prefix = 'unit'): Record<string, string> {
  const key = `plan.unit.${unit}` as MessageKey;
  return { [prefix]: t(key, {}, 'vi'), [`${prefix}En`]: t(key, {}, 'en') };
}

/**
 * What a message talks about, as parameters: `{what}` ("kinh phí DA2" / "the amount of DA2", or
 * "tổng kinh phí" / "the total") and `{subject}` ("DA2", or "tổng kinh phí" / "the total").
 * An empty code means the plan's overall total.
 */
export function whatParams(code: string): Record<string, string> {
  if (code === '') {
    const vi = t('plan.total', {}, 'vi');
    const en = t('plan.total', {}, 'en');
    return { what: vi, whatEn: en, subject: vi, subjectEn: en };
  }
  return {
    what: t('plan.what', { code }, 'vi'),
    whatEn: t('plan.what', { code }, 'en'),
    subject: code,
    subjectEn: code,
  };
}

/** `{conv}` and `{convEn}`: " (= 378 triệu đồng)" when a plan figure is converted to the annex's unit, else empty. */
export function conversionParams(
  value: Decimal,
  from: MoneyUnit,
  to: MoneyUnit,
): Record<string, string> {
  if (from === to) return { conv: '', convEn: '' };
  const x = convertUnit(value, from, to).toString();
  return {
    conv: t('plan.converted', { value: formatNumber(x, { lang: 'vi' }), ...unitParams(to) }, 'vi'),
    convEn: t(
      'plan.converted',
      { value: formatNumber(x, { lang: 'en' }), ...unitParams(to) },
      'en',
    ),
  };
}
