"""Initial schema: people, trips, memberships, venues, contacts, programme items.

Revision ID: 0001_initial
Revises: 
Create Date: 2026-11-23 18:42:30.430972
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa



revision = '0001_initial'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table('person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('family_name', sa.String(length=200), nullable=False),
    sa.Column('given_name', sa.String(length=200), nullable=False),
    sa.Column('native_name', sa.String(length=200), nullable=False),
    sa.Column('honorific', sa.JSON(), nullable=False),
    sa.Column('organisation', sa.JSON(), nullable=False),
    sa.Column('function', sa.JSON(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('preferred_language', sa.String(length=5), nullable=False),
    sa.Column('dietary_needs', sa.Text(), nullable=False),
    sa.Column('accessibility_needs', sa.Text(), nullable=False),
    sa.Column('passport_number', sa.String(length=40), nullable=False),
    sa.Column('nationality', sa.String(length=2), nullable=False),
    sa.Column('passport_expiry', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_person'))
    )
    op.create_table('trip',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('purpose', sa.JSON(), nullable=False),
    sa.Column('destination_city', sa.JSON(), nullable=False),
    sa.Column('destination_country', sa.String(length=2), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('first_day', sa.Date(), nullable=False),
    sa.Column('last_day', sa.Date(), nullable=False),
    sa.Column('organiser', sa.JSON(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('buffer_minutes', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_trip'))
    )
    op.create_table('venue',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('name', sa.JSON(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('address_local', sa.Text(), nullable=False),
    sa.Column('address_romanised', sa.Text(), nullable=False),
    sa.Column('city', sa.JSON(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('website', sa.String(length=500), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue'))
    )
    op.create_table('membership',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('protocol_order', sa.Integer(), nullable=False),
    sa.Column('arrival', sa.Date(), nullable=True),
    sa.Column('departure', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_membership_person_id_person'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_membership_trip_id_trip'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_membership')),
    sa.UniqueConstraint('trip_id', 'person_id', name=op.f('uq_membership_trip_id'))
    )
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_membership_person_id'), ['person_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_membership_trip_id'), ['trip_id'], unique=False)

    op.create_table('venue_contact',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('native_name', sa.String(length=200), nullable=False),
    sa.Column('function', sa.JSON(), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_venue_contact_venue_id_venue'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_venue_contact'))
    )
    with op.batch_alter_table('venue_contact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_venue_contact_venue_id'), ['venue_id'], unique=False)

    op.create_table('programme_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('trip_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.JSON(), nullable=False),
    sa.Column('description', sa.JSON(), nullable=False),
    sa.Column('venue_id', sa.Integer(), nullable=True),
    sa.Column('start_utc', sa.DateTime(), nullable=False),
    sa.Column('end_utc', sa.DateTime(), nullable=False),
    sa.Column('timezone', sa.String(length=64), nullable=False),
    sa.Column('end_timezone', sa.String(length=64), nullable=False),
    sa.Column('host_contact_id', sa.Integer(), nullable=True),
    sa.Column('dress_code', sa.JSON(), nullable=False),
    sa.Column('transport', sa.JSON(), nullable=False),
    sa.Column('everyone', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['host_contact_id'], ['venue_contact.id'], name=op.f('fk_programme_item_host_contact_id_venue_contact'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['trip_id'], ['trip.id'], name=op.f('fk_programme_item_trip_id_trip'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['venue_id'], ['venue.id'], name=op.f('fk_programme_item_venue_id_venue'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_programme_item'))
    )
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_programme_item_start_utc'), ['start_utc'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_item_trip_id'), ['trip_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_programme_item_venue_id'), ['venue_id'], unique=False)

    op.create_table('item_participant',
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('membership_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['programme_item.id'], name=op.f('fk_item_participant_item_id_programme_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['membership_id'], ['membership.id'], name=op.f('fk_item_participant_membership_id_membership'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('item_id', 'membership_id', name=op.f('pk_item_participant'))
    )
    with op.batch_alter_table('item_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_item_participant_membership_id'), ['membership_id'], unique=False)




def downgrade() -> None:

    with op.batch_alter_table('item_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_item_participant_membership_id'))

    op.drop_table('item_participant')
    with op.batch_alter_table('programme_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_programme_item_venue_id'))
        batch_op.drop_index(batch_op.f('ix_programme_item_trip_id'))
        batch_op.drop_index(batch_op.f('ix_programme_item_start_utc'))

    op.drop_table('programme_item')
    with op.batch_alter_table('venue_contact', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_venue_contact_venue_id'))

    op.drop_table('venue_contact')
    with op.batch_alter_table('membership', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_membership_trip_id'))
        batch_op.drop_index(batch_op.f('ix_membership_person_id'))

    op.drop_table('membership')
    op.drop_table('venue')
    op.drop_table('trip')
    op.drop_table('person')

