/**
 * A `Date` whose local-time accessors read and write UTC, so date-fns (which
 * works in local time) does pure calendar-date arithmetic that never depends
 * on the machine's time zone. date-fns builds new dates with the constructor of
 * the date it was given, so every result stays a `UtcDate`.
 *
 * Same idea as `UTCDate` from `@date-fns/utc`, kept here to avoid a dependency.
 */
export class UtcDate extends Date {
  override getFullYear(): number {
    return this.getUTCFullYear();
  }
  override getMonth(): number {
    return this.getUTCMonth();
  }
  override getDate(): number {
    return this.getUTCDate();
  }
  override getDay(): number {
    return this.getUTCDay();
  }
  override getHours(): number {
    return this.getUTCHours();
  }
  override getMinutes(): number {
    return this.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.getUTCSeconds();
  }
  override getMilliseconds(): number {
    return this.getUTCMilliseconds();
  }
  override getTimezoneOffset(): number {
    return 0;
  }
  override setFullYear(...args: Parameters<Date["setUTCFullYear"]>): number {
    return this.setUTCFullYear(...args);
  }
  override setMonth(...args: Parameters<Date["setUTCMonth"]>): number {
    return this.setUTCMonth(...args);
  }
  override setDate(...args: Parameters<Date["setUTCDate"]>): number {
    return this.setUTCDate(...args);
  }
  override setHours(...args: Parameters<Date["setUTCHours"]>): number {
    return this.setUTCHours(...args);
  }
  override setMinutes(...args: Parameters<Date["setUTCMinutes"]>): number {
    return this.setUTCMinutes(...args);
  }
  override setSeconds(...args: Parameters<Date["setUTCSeconds"]>): number {
    return this.setUTCSeconds(...args);
  }
  override setMilliseconds(...args: Parameters<Date["setUTCMilliseconds"]>): number {
    return this.setUTCMilliseconds(...args);
  }
}
