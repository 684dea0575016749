/** Registers the app's API routes under `/t/<slug>/api/v1/open-data` (behind the adoption gate). */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../../platform/sdk/index.ts';

export function registerRoutes(_app: FastifyInstance, _platform: Platform) {}
