import { type MigrationInterface, type QueryRunner } from 'typeorm';

// JavaScript's String.prototype.trim() whitespace (WhiteSpace and LineTerminator), for btrim. A
// database that is not UTF8 (an SQL_ASCII one made by an older embedded PostgreSQL) cannot hold the
// non-ASCII ones: it trims the ASCII ones only.
const ASCII_WHITESPACE = `E'\\t\\n\\u000B\\f\\r '`;
const JS_WHITESPACE = `U&'\\0009\\000A\\000B\\000C\\000D\\0020\\00A0\\1680\\2000\\2001\\2002\\2003\\2004\\2005\\2006\\2007\\2008\\2009\\200A\\2028\\2029\\202F\\205F\\3000\\FEFF'`;

/**
 * Saved segments, and the SQL functions compiled segment conditions use to read JSON values the
 * way the condition language's evaluator does (`numericValue`, `parseIsoInstant`, `scalarText`
 * in libs/journey), so a segment counted by PostgreSQL matches the engine's own evaluation.
 */
export class Segments1764400000000 implements MigrationInterface {
  name = 'Segments1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const [{ encoding }] = (await queryRunner.query(`SELECT current_setting('server_encoding') AS encoding`)) as Array<{ encoding: string }>;
    const whitespace = encoding === 'UTF8' ? JS_WHITESPACE : ASCII_WHITESPACE;
    await queryRunner.query(`
      CREATE TABLE segments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        name text NOT NULL,
        description text NOT NULL DEFAULT '',
        condition jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX segments_project_name ON segments (project_id, name)`);

    // numericValue: a JSON number, or a string that Number() reads as a finite number.
    await queryRunner.query(`
      CREATE FUNCTION segment_number(v jsonb) RETURNS double precision
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
      DECLARE
        t text;
        n numeric;
        ex numeric;
        ch text;
        base int;
      BEGIN
        IF v IS NULL THEN RETURN NULL; END IF;
        IF jsonb_typeof(v) = 'number' THEN
          n := v::numeric;
        ELSIF jsonb_typeof(v) = 'string' THEN
          t := btrim(v #>> '{}', ${whitespace});
          IF t ~ '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$' THEN
            ex := coalesce(substring(t FROM '[eE]([+-]?[0-9]+)$')::numeric, 0);
            IF ex > 1000 THEN
              RETURN CASE WHEN substring(t FROM '^[+-]?([0-9.]*)') ~ '[1-9]' THEN NULL ELSE 0 END;
            ELSIF ex < -1000 THEN
              RETURN 0;
            END IF;
            n := t::numeric;
          ELSIF t ~ '^0([xX][0-9a-fA-F]+|[bB][01]+|[oO][0-7]+)$' THEN
            base := CASE lower(substr(t, 2, 1)) WHEN 'x' THEN 16 WHEN 'b' THEN 2 ELSE 8 END;
            n := 0;
            FOREACH ch IN ARRAY regexp_split_to_array(lower(substr(t, 3)), '') LOOP
              n := n * base + position(ch IN '0123456789abcdef') - 1;
              IF n > 1e310 THEN RETURN NULL; END IF;
            END LOOP;
          ELSE
            RETURN NULL;
          END IF;
        ELSE
          RETURN NULL;
        END IF;
        IF abs(n) > 1.7976931348623157e308 THEN RETURN NULL; END IF;
        IF abs(n) < 2.4703282292062328e-324 THEN RETURN 0; END IF;
        RETURN n::double precision;
      END
      $fn$`);

    // parseIsoInstant: epoch ms of an ISO 8601 date or date-time string (UTC without an offset), as luxon reads it.
    await queryRunner.query(`
      CREATE FUNCTION segment_instant(v jsonb) RETURNS double precision
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
      DECLARE
        m text[];
        y int; mo int; d int; h int; mi int; s int; ms int;
        off int := 0;
        yp int; era int; yoe int; doy int; doe int; days bigint; dim int;
      BEGIN
        IF v IS NULL OR jsonb_typeof(v) <> 'string' THEN RETURN NULL; END IF;
        m := regexp_match(btrim(v #>> '{}', ${JS_WHITESPACE}),
          '^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:([.,])([0-9]{1,9}))?)?([Zz]|[+-][0-9]{2}(?::?[0-9]{2})?)?)?$');
        IF m IS NULL OR m[7] = ',' THEN RETURN NULL; END IF;
        y := m[1]::int; mo := m[2]::int; d := m[3]::int;
        h := coalesce(m[4]::int, 0); mi := coalesce(m[5]::int, 0); s := coalesce(m[6]::int, 0);
        ms := CASE WHEN m[8] IS NULL THEN 0 ELSE floor(('0.' || m[8])::double precision * 1000)::int END;
        IF mo < 1 OR mo > 12 OR d < 1 THEN RETURN NULL; END IF;
        dim := CASE WHEN mo = 2 THEN CASE WHEN (y % 4 = 0 AND y % 100 <> 0) OR y % 400 = 0 THEN 29 ELSE 28 END
                    WHEN mo IN (4, 6, 9, 11) THEN 30 ELSE 31 END;
        IF d > dim OR mi > 59 OR s > 59 THEN RETURN NULL; END IF;
        IF h > 24 OR (h = 24 AND (mi <> 0 OR s <> 0 OR ms <> 0)) THEN RETURN NULL; END IF;
        IF m[9] IS NOT NULL AND upper(m[9]) <> 'Z' THEN
          off := (substr(m[9], 2, 2)::int * 60 + coalesce(nullif(substr(replace(m[9], ':', ''), 4, 2), '')::int, 0))
                 * CASE WHEN left(m[9], 1) = '-' THEN -1 ELSE 1 END;
        END IF;
        yp := y - CASE WHEN mo <= 2 THEN 1 ELSE 0 END;
        era := floor(yp / 400.0)::int;
        yoe := yp - era * 400;
        doy := (153 * (mo + CASE WHEN mo > 2 THEN -3 ELSE 9 END) + 2) / 5 + d - 1;
        doe := yoe * 365 + yoe / 4 - yoe / 100 + doy;
        days := era::bigint * 146097 + doe - 719468;
        RETURN days * 86400000 + h * 3600000 + mi * 60000 + s * 1000 + ms - off * 60000::bigint;
      END
      $fn$`);

    // scalarText: a string as it is, a number as JavaScript's String(number) writes it.
    await queryRunner.query(`
      CREATE FUNCTION segment_text(v jsonb) RETURNS text
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
      DECLARE
        n numeric; t text; mant text; digits text; ex int; sign text := ''; body text;
      BEGIN
        IF v IS NULL THEN RETURN NULL; END IF;
        IF jsonb_typeof(v) = 'string' THEN RETURN v #>> '{}'; END IF;
        IF jsonb_typeof(v) <> 'number' THEN RETURN NULL; END IF;
        n := v::numeric;
        IF abs(n) > 1.7976931348623157e308 THEN RETURN NULL; END IF;
        IF abs(n) < 2.4703282292062328e-324 THEN RETURN '0'; END IF;
        t := (n::double precision)::text;
        IF position('e' IN t) = 0 THEN RETURN t; END IF;
        mant := split_part(t, 'e', 1);
        ex := split_part(t, 'e', 2)::int;
        IF left(mant, 1) = '-' THEN sign := '-'; mant := substr(mant, 2); END IF;
        IF ex >= 21 OR ex <= -7 THEN
          RETURN sign || mant || 'e' || CASE WHEN ex >= 0 THEN '+' ELSE '-' END || abs(ex)::text;
        END IF;
        digits := replace(mant, '.', '');
        IF ex >= 0 THEN
          body := CASE WHEN length(digits) <= ex + 1 THEN digits || repeat('0', ex + 1 - length(digits))
                       ELSE left(digits, ex + 1) || '.' || substr(digits, ex + 2) END;
        ELSE
          body := '0.' || repeat('0', -ex - 1) || digits;
        END IF;
        RETURN sign || body;
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION IF EXISTS segment_text(jsonb)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS segment_instant(jsonb)`);
    await queryRunner.query(`DROP FUNCTION IF EXISTS segment_number(jsonb)`);
    await queryRunner.query(`DROP TABLE IF EXISTS segments`);
  }
}
