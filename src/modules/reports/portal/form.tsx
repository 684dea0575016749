/**
 * Report a problem (`/lapor`): a form that works without JavaScript, photos included, enhanced by
 * `client/report-form.ts` (map and pin, location, photo previews, offline draft) where it runs.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError, type Area, actorOf, type Platform, sameSecret } from '../../../platform/sdk/index.ts';
import {
  basemapData,
  ErrorSummary,
  Field,
  type PageContent,
  type PortalContext,
  portalContext,
  portalEntry,
  sendPage,
} from '../../../platform/sdk/portal.ts';
import { formToReport } from '../form-fields.ts';
import { REPORT_TYPES } from '../lifecycle.ts';
import { MAX_PHOTO_BYTES, MAX_PHOTOS, receiveForm, unacceptedPhotos, withPhotos } from '../photos.ts';
import { fileReport } from '../services/intake.ts';
import { ElsewhereNotice } from './elsewhere.tsx';
import { EmergencyNote } from './emergency.tsx';
import { type FormErrors, formStatus, reportFormErrors } from './form-errors.ts';
import { NearbyReports } from './nearby.tsx';
import { PrivacyFields } from './privacy-fields.tsx';
import { receiptPage } from './receipt.tsx';
import { formSettings } from './shared.tsx';

type FormValues = Record<string, string>;

/** The words of the form's enhancements (map, location, photo previews, draft), in the page's language. */
const CLIENT_TEXTS = [
  'mapLabel',
  'pinTitle',
  'pinSet',
  'useLocation',
  'locating',
  'locationFailed',
  'zoomIn',
  'zoomOut',
  'photosChosen',
  'photoAlt',
  'removePhoto',
  'photoNotImage',
  'photoTooMany',
  'photoShrinkFailed',
  'draftSaved',
  'draftRestored',
  'draftDiscard',
  'draftQueued',
  'sending',
] as const;

/** The most positions of a tenant's area that the report form's page carries (about 50 KB). */
const MAP_AREA_POSITIONS = 2_000;

/** The positions of an area, over all its rings. */
function positionCount(area: Area): number {
  const polygons = area.type === 'Polygon' ? [area.coordinates] : area.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, ring) => m + ring.length, 0), 0);
}

/**
 * What the report form's page adds for its script (`client/report-form.ts`): the script, its
 * style sheet, the tiles, the tenant's area and the texts. The form works without any of it.
 */
function formEnhancement(ctx: PortalContext): Pick<PageContent, 'scripts' | 'styles' | 'data'> {
  const entry = portalEntry('report-form');
  if (!entry) return {};
  // Raw texts: their placeholders (`{{n}}`) are filled by the script.
  return {
    scripts: [entry.script],
    styles: entry.styles,
    data: {
      reportForm: {
        basemap: basemapData(ctx),
        // The area's outline only when small: a tenant's area may hold up to 20,000 positions
        // (about 0.5 MB of JSON), too much for every visit on a phone. Above MAP_AREA_POSITIONS the
        // map gets the bounding box only, to fit its view.
        area:
          ctx.tenant.area && positionCount(ctx.tenant.area) <= MAP_AREA_POSITIONS ? ctx.tenant.area : null,
        bbox: ctx.tenant.areaBBox,
        // Drafts are kept per tenant and person (`client/lib/draft.ts`, `draftKey`).
        tenant: ctx.tenant.id,
        userId: ctx.user?.id ?? null,
        maxPhotos: MAX_PHOTOS,
        maxPhotoBytes: MAX_PHOTO_BYTES,
        texts: Object.fromEntries(
          CLIENT_TEXTS.map((k) => [k, ctx.t(`reports.portal.client.${k}`, { skipInterpolation: true })]),
        ),
      },
    },
  };
}

function ReportForm(props: {
  ctx: PortalContext;
  categories: { code: string; name: string }[];
  /** The address hint in the tenant's words, and the radius of "nearby" (`formSettings`). */
  addressHint: string;
  nearbyRadiusM: number;
  values: FormValues;
  errors: Record<string, string>;
  /** The places (from 0) of the photos the server refused, for the script to drop from the draft. */
  refusedPhotos?: readonly number[];
  /** The copy the service worker keeps for offline use (fetched without cookies). */
  shell?: boolean;
}) {
  const { ctx, values, errors } = props;
  const { t } = ctx;
  return (
    <form
      method="post"
      action={`${ctx.base}/lapor`}
      encType="multipart/form-data"
      className="card"
      noValidate
      data-report-form=""
      data-shell={props.shell ? '1' : undefined}
    >
      <input type="hidden" name="_csrf" value={ctx.csrf ?? ''} />
      <input type="hidden" name="_key" value={values._key ?? randomUUID()} />
      <fieldset>
        <legend>{t('reports.portal.typeLegend')}</legend>
        {REPORT_TYPES.map((type) => (
          <div key={type}>
            <input
              type="radio"
              id={`type-${type}`}
              name="type"
              value={type}
              defaultChecked={(values.type ?? 'complaint') === type}
            />{' '}
            <label htmlFor={`type-${type}`}>{t(`reports.portal.type.${type}`)}</label>
          </div>
        ))}
      </fieldset>
      <Field id="category" label={t('reports.portal.category')} error={errors.category} required t={t}>
        {(aria) => (
          <select name="category" defaultValue={values.category ?? ''} {...aria}>
            <option value="">{t('reports.portal.choose')}</option>
            {props.categories.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="description"
        label={t('reports.portal.description')}
        hint={t('reports.portal.descriptionHint')}
        error={errors.description}
        required
        t={t}
      >
        {(aria) => <textarea name="description" defaultValue={values.description ?? ''} {...aria} />}
      </Field>
      <fieldset>
        <legend>
          {t('reports.portal.locationLegend')}{' '}
          <span className="req">({t('reports.portal.locationNote')})</span>
        </legend>
        <p className="hint" id="location-hint">
          {t('reports.portal.locationHint')}
        </p>
        <Field
          id="address"
          label={t('reports.portal.address')}
          hint={props.addressHint}
          error={errors.address}
          note={null}
          t={t}
        >
          {(aria) => (
            <input
              type="text"
              name="address"
              autoComplete="street-address"
              defaultValue={values.address ?? ''}
              {...aria}
            />
          )}
        </Field>
        <Field id="kelurahan" label={t('reports.portal.kelurahan')} error={errors.kelurahan} t={t}>
          {(aria) => <input type="text" name="kelurahan" defaultValue={values.kelurahan ?? ''} {...aria} />}
        </Field>
        <fieldset>
          <legend>{t('reports.portal.pinLegend')}</legend>
          <p className="hint" id="pin-hint">
            {t('reports.portal.pinHint')}
          </p>
          <div className="pin-row">
            <Field id="lat" label={t('reports.portal.lat')} error={errors.lat} note={null} t={t}>
              {(aria) => (
                <input type="text" name="lat" inputMode="decimal" defaultValue={values.lat ?? ''} {...aria} />
              )}
            </Field>
            <Field id="lng" label={t('reports.portal.lng')} error={errors.lng} note={null} t={t}>
              {(aria) => (
                <input type="text" name="lng" inputMode="decimal" defaultValue={values.lng ?? ''} {...aria} />
              )}
            </Field>
          </div>
        </fieldset>
      </fieldset>
      <NearbyReports ctx={ctx} radiusM={props.nearbyRadiusM} />
      <Field
        id="photo"
        label={t('reports.portal.photos')}
        hint={t('reports.portal.photosHint')}
        error={errors.photo}
        t={t}
      >
        {(aria) => (
          <input
            type="file"
            name="photo"
            accept="image/jpeg,image/png,image/webp"
            multiple
            data-refused={props.refusedPhotos?.length ? props.refusedPhotos.join(' ') : undefined}
            {...aria}
          />
        )}
      </Field>
      {ctx.user ? null : (
        <fieldset>
          <legend>{t('reports.portal.contactLegend')}</legend>
          <p className="hint">{t('reports.portal.contactHint')}</p>
          <Field id="name" label={t('reports.portal.name')} error={errors.name} t={t}>
            {(aria) => (
              <input type="text" name="name" autoComplete="name" defaultValue={values.name ?? ''} {...aria} />
            )}
          </Field>
          <Field id="email" label={t('reports.portal.email')} error={errors.email} t={t}>
            {(aria) => (
              <input
                type="email"
                name="email"
                autoComplete="email"
                defaultValue={values.email ?? ''}
                {...aria}
              />
            )}
          </Field>
          <Field id="phone" label={t('reports.portal.phone')} error={errors.phone} t={t}>
            {(aria) => (
              <input type="tel" name="phone" autoComplete="tel" defaultValue={values.phone ?? ''} {...aria} />
            )}
          </Field>
        </fieldset>
      )}
      <PrivacyFields ctx={ctx} values={values} />
      <button type="submit" className="cta">
        {t('reports.portal.send')}
      </button>
    </form>
  );
}

/** GET and POST /lapor: the form, and the filing (the receipt, or the form again with its errors). */
export function reportFormRoutes(app: FastifyInstance, platform: Platform) {
  app.get<{ Querystring: { luring?: string } }>(
    '/lapor',
    { config: { auth: 'optional' } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      const settings = await platform.inTenantRead(ctx.tenant.id, actorOf(request), (scope) =>
        formSettings(platform, scope, ctx),
      );
      return sendPage(reply, ctx, {
        title: ctx.t('reports.portal.reportTitle'),
        ...formEnhancement(ctx),
        body: (
          <>
            <h1>{ctx.t('reports.portal.reportTitle')}</h1>
            <p className="lead">{ctx.t('reports.portal.reportIntro')}</p>
            <EmergencyNote ctx={ctx} />
            <ReportForm
              ctx={ctx}
              {...settings}
              values={{}}
              errors={{}}
              shell={request.query.luring === '1'}
            />
          </>
        ),
      });
    },
  );

  // Multipart: the session's CSRF token is checked here, once the form's fields are read.
  app.post(
    '/lapor',
    { config: { auth: 'optional', csrfInHandler: true, rateLimit: { max: 60, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const ctx = portalContext(platform, request);
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      // Read to its end whatever its photos: a refused photo comes back beside its field, with
      // everything typed kept (no error page, no form lost).
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      const form = await receiveForm(request);
      if (request.principal?.via === 'session' && !sameSecret(form.fields._csrf ?? '', ctx.csrf ?? '')) {
        throw new AppError('csrf');
      }
      const values: FormValues = { ...form.fields };
      const key = /^[0-9a-f-]{36}$/.test(values._key ?? '') ? values._key : undefined;
      try {
        const { _key, ...fields } = form.fields;
        // Every mistake at once: the photos' and the fields'.
        const photoErrors = [...form.refused, ...(await unacceptedPhotos(form))];
        let input: ReturnType<typeof formToReport>;
        try {
          input = formToReport(fields);
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'validation') throw error;
          throw new AppError('validation', { fields: [...error.fields, ...photoErrors] });
        }
        if (photoErrors.length) throw new AppError('validation', { fields: photoErrors });
        const filed = await withPhotos(platform, ctx.tenant.id, form.files, (photos) =>
          platform.inTenantGrouped(ctx.tenant.id, actorOf(request), (scope) =>
            fileReport(platform, scope, ctx.tenant, input, {
              channel: 'web',
              reporterUserId: request.principal?.user.id ?? null,
              idempotencyKey: key,
              photos,
            }),
          ),
        );
        return sendPage(reply, ctx, receiptPage(ctx, filed, input.confidential === true));
      } catch (error) {
        if (!isFormError(error)) throw error;
        const errors = reportFormErrors(error.fields, ctx.t);
        const settings = await platform.inTenant(ctx.tenant.id, actorOf(request), (scope) =>
          formSettings(platform, scope, ctx),
        );
        return sendPage(
          reply,
          ctx,
          formAgain(ctx, settings, values, errors, formStatus(error.fields), form, error),
        );
      }
    },
  );
}

/** A refusal the form shows beside its fields: a field's, or a photo's (its type, its size). */
function isFormError(error: unknown): error is AppError {
  if (!(error instanceof AppError)) return false;
  if (error.code === 'validation') return true;
  return (
    (error.code === 'unsupported_media_type' || error.code === 'payload_too_large') &&
    error.fields.length > 0 &&
    error.fields.every((f) => f.path.startsWith('/body/photo'))
  );
}

/** The form again with its errors, what was typed kept; the photos are to be chosen again (no JavaScript). */
function formAgain(
  ctx: PortalContext,
  settings: Awaited<ReturnType<typeof formSettings>>,
  values: FormValues,
  errors: FormErrors,
  status: number,
  form: { files: unknown[]; refused: unknown[] },
  error: AppError,
): PageContent {
  return {
    title: ctx.t('reports.portal.reportTitle'),
    status,
    ...formEnhancement(ctx),
    body: (
      <>
        <h1>{ctx.t('reports.portal.reportTitle')}</h1>
        <ErrorSummary errors={errors.summary} t={ctx.t} />
        <ElsewhereNotice ctx={ctx} error={error} />
        {form.files.length || form.refused.length ? (
          <p className="notice" id="photos-again">
            {ctx.t('reports.portal.photosAgain')}
          </p>
        ) : null}
        <ReportForm
          ctx={ctx}
          {...settings}
          values={values}
          errors={errors.inline}
          refusedPhotos={errors.refusedPhotos}
        />
      </>
    ),
  };
}
