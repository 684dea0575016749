/** Request and response schemas of the people routes. */
import { type Static, Type } from 'typebox';
import { ROLES } from '../catalogue/manifest.ts';

const Password = Type.String({ minLength: 1, maxLength: 200 });

export const Login = Type.Object(
  {
    login: Type.String({ minLength: 3, maxLength: 254, description: 'Email or mobile number' }),
    password: Password,
    _csrf: Type.Optional(Type.String()),
  },
  {
    additionalProperties: false,
    examples: [{ login: 'siti.rahma@tangerangkota.go.id', password: 'Cisadane#2026' }],
  },
);
export type LoginInput = Static<typeof Login>;

export const RoleName = Type.Enum(ROLES);

export const GrantView = Type.Object({
  id: Type.String(),
  role: Type.String(),
  agencyId: Type.Union([Type.String(), Type.Null()]),
});

/** Example ids (UUIDv7, as the platform makes them) shared by the examples below. */
export const EXAMPLE_IDS = {
  staff: '01939a4e-7c21-7d3e-9a8b-2f41c6d0e512',
  citizen: '01939a52-1f08-7b6a-8c4d-5e9f0a3b7c21',
  agency: '01939a3f-0b6d-7e42-b1a9-8d2c4f6e0a17',
  grant: '01939a4f-2d93-7a15-9e60-4b7c1d8f3a02',
} as const;

const grantExample = { id: EXAMPLE_IDS.grant, role: 'officer', agencyId: EXAMPLE_IDS.agency };

export const SessionView = Type.Object(
  {
    user: Type.Object({ id: Type.String(), kind: Type.String(), displayName: Type.String() }),
    grants: Type.Array(GrantView),
    permissions: Type.Array(Type.String(), {
      description: 'Every permission the grants hold, in the whole tenant or in some agency',
    }),
    tenantPermissions: Type.Array(Type.String(), {
      description: 'The permissions held in the whole tenant (by grants without an agency)',
    }),
    csrfToken: Type.Union([Type.String(), Type.Null()]),
  },
  {
    examples: [
      {
        user: { id: EXAMPLE_IDS.staff, kind: 'staff', displayName: 'Siti Rahmawati' },
        grants: [grantExample],
        permissions: ['reports.report.read', 'reports.report.follow_up'],
        tenantPermissions: [],
        csrfToken: 'W7mJVcPXWifJNclqAwkYhMMjTp1-U4b3',
      },
    ],
  },
);

export const Register = Type.Object(
  {
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    nik: Type.Optional(Type.String({ maxLength: 20 })),
    password: Password,
  },
  {
    additionalProperties: false,
    examples: [{ displayName: 'Budi Santoso', phone: '081234567890', password: 'Pasar-Baru-17' }],
  },
);
export type RegisterInput = Static<typeof Register>;

export const CreateUser = Type.Object(
  {
    kind: Type.Union([Type.Literal('staff'), Type.Literal('partner'), Type.Literal('citizen')]),
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.Optional(Type.String({ maxLength: 254 })),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
    nik: Type.Optional(Type.String({ maxLength: 20 })),
    nip: Type.Optional(Type.String({ maxLength: 30 })),
    partnerKind: Type.Optional(
      Type.Union([Type.Literal('employer'), Type.Literal('hospital'), Type.Literal('school')]),
    ),
    password: Password,
  },
  {
    additionalProperties: false,
    examples: [
      {
        kind: 'staff',
        displayName: 'Siti Rahmawati',
        email: 'siti.rahma@tangerangkota.go.id',
        nip: '198703122010012004',
        password: 'Cisadane#2026',
      },
    ],
  },
);
export type CreateUserInput = Static<typeof CreateUser>;

export const FirstAdministrator = Type.Object(
  {
    displayName: Type.String({ minLength: 2, maxLength: 120 }),
    email: Type.String({ maxLength: 254, description: 'Where the link to set the password is sent' }),
    nip: Type.String({ maxLength: 30, description: 'NIP (18 digits) of the civil servant' }),
    phone: Type.Optional(Type.String({ maxLength: 30 })),
  },
  {
    additionalProperties: false,
    examples: [
      {
        displayName: 'Ahmad Fauzi',
        email: 'diskominfo@tangerangkota.go.id',
        nip: '198105242006041003',
        phone: '0215587333',
      },
    ],
  },
);
export type FirstAdministratorInput = Static<typeof FirstAdministrator>;

/** Example of a staff account of Kota Tangerang's Dinas PUPR. */
export const userExample = {
  id: EXAMPLE_IDS.staff,
  kind: 'staff',
  displayName: 'Siti Rahmawati',
  email: 'siti.rahma@tangerangkota.go.id',
  phone: null,
  nip: '198703122010012004',
  partnerKind: null,
  grants: [grantExample],
  locked: false,
};

export const UserView = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    displayName: Type.String(),
    email: Type.Union([Type.String(), Type.Null()]),
    phone: Type.Union([Type.String(), Type.Null()]),
    nip: Type.Union([Type.String(), Type.Null()]),
    partnerKind: Type.Union([Type.String(), Type.Null()]),
    grants: Type.Array(GrantView),
    locked: Type.Boolean({
      description:
        'Some address is locked out of this account by its failed sign-ins (the owner signs in from any other address; a password reset unlocks it)',
    }),
  },
  { examples: [userExample] },
);

export const GrantRole = Type.Object(
  { role: RoleName, agencyId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])) },
  { additionalProperties: false, examples: [{ role: 'officer', agencyId: EXAMPLE_IDS.agency }] },
);
export type GrantRoleInput = Static<typeof GrantRole>;

export const CreateToken = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 80 }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })),
  },
  { additionalProperties: false, examples: [{ name: 'Integrasi SP4N-LAPOR!', expiresInDays: 365 }] },
);
export type CreateTokenInput = Static<typeof CreateToken>;

/** Example of an API token of an integration. */
export const tokenExample = {
  id: '01939b10-5a7e-7c02-8f3d-6b1e9a4c2d58',
  name: 'Integrasi SP4N-LAPOR!',
  createdAt: '2026-11-02T03:15:00.000Z',
  expiresAt: '2027-11-02T03:15:00.000Z',
  lastUsedAt: '2026-12-05T08:41:12.000Z',
  revoked: false,
};

export const TokenView = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    createdAt: Type.String(),
    expiresAt: Type.Union([Type.String(), Type.Null()]),
    lastUsedAt: Type.Union([Type.String(), Type.Null()]),
    revoked: Type.Boolean(),
  },
  {
    examples: [tokenExample],
  },
);

export const PasswordResetRequest = Type.Object(
  { login: Type.String({ minLength: 3, maxLength: 254, description: 'Email or mobile number' }) },
  { additionalProperties: false, examples: [{ login: '081234567890' }] },
);
export type PasswordResetRequestInput = Static<typeof PasswordResetRequest>;

export const PasswordResetConfirm = Type.Object(
  {
    token: Type.String({ minLength: 20, maxLength: 100, description: 'The token of the link sent' }),
    password: Type.String({ minLength: 1, maxLength: 200, description: 'The new password' }),
  },
  {
    additionalProperties: false,
    examples: [{ token: '_RqvOotEwXRWHQTXLVORNwr5mPSYskoLKKww2nTneng', password: 'Kali-Cisadane-88' }],
  },
);
export type PasswordResetConfirmInput = Static<typeof PasswordResetConfirm>;
